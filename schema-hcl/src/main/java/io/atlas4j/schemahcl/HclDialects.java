package io.atlas4j.schemahcl;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link HclDialect}s on the class path. */
public final class HclDialects {

    private HclDialects() {
    }

    /**
     * The HCL codec of dialect {@code name}.
     *
     * @throws Atlas4jException when no module provides it
     */
    public static HclDialect get(String name) {
        List<String> found = new ArrayList<>();
        for (HclDialect d : ServiceLoader.load(HclDialect.class, HclDialects.class.getClassLoader())) {
            if (d.name().equals(name)) {
                return d;
            }
            found.add(d.name());
        }
        throw new Atlas4jException(ErrorCode.UNSUPPORTED_DIALECT, "no HCL schema support for dialect \"" + name
                + "\" (found: " + (found.isEmpty() ? "none" : String.join(", ", found)) + ")",
                "add the atlas4j-dialect-" + name + " module to the class path", null);
    }
}
