-- The desired schema: a small shop.
CREATE TABLE customers (
  id    INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE CHECK (email LIKE '%_@_%'),
  name  TEXT NOT NULL
);

CREATE TABLE orders (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled'))
);

CREATE TABLE order_audit (
  order_id INTEGER NOT NULL,
  change   TEXT NOT NULL
);

CREATE VIEW customer_totals AS
  SELECT c.email, COALESCE(SUM(o.total_cents), 0) AS total_cents, COUNT(o.id) AS orders
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'
  GROUP BY c.email;

CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON orders
BEGIN
  INSERT INTO order_audit (order_id, change) VALUES (NEW.id, OLD.status || ' -> ' || NEW.status);
END;
