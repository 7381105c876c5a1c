package io.atlas4j.dialect.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * A connection handed to one user whose {@code close()} gives the physical connection back instead of
 * ending it. After {@code close()} the handle is closed for its user: every call but {@code close()} and
 * {@code isClosed()} fails.
 */
final class Reusable implements InvocationHandler {

    private final Connection target;
    private final Consumer<Connection> giveBack;
    private boolean closed;

    private Reusable(Connection target, Consumer<Connection> giveBack) {
        this.target = target;
        this.giveBack = giveBack;
    }

    static Connection wrap(Connection target, Consumer<Connection> giveBack) {
        return (Connection) Proxy.newProxyInstance(Reusable.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Reusable(target, giveBack));
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close":
                if (!closed) {
                    closed = true;
                    giveBack.accept(target);
                }
                return null;
            case "isClosed":
                return closed || target.isClosed();
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "reusable " + target;
            default:
                if (closed) {
                    throw new SQLException("connection is closed");
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }
}
