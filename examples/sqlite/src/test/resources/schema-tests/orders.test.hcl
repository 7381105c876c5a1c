test "schema" "totals_ignore_cancelled_orders" {
  exec {
    sql = <<-SQL
      INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', 'Bob');
      INSERT INTO orders (customer_id, total_cents, status) VALUES (1, 1500, 'paid'), (1, 700, 'cancelled'), (2, 300, 'open');
    SQL
  }
  exec {
    sql    = "SELECT email, total_cents, orders FROM customer_totals ORDER BY email"
    format = table
    output = <<-TAB
            email      | total_cents | orders
      -----------------+-------------+--------
       ada@example.com | 1500        | 1
       bob@example.com | 300         | 1
    TAB
  }
}

test "schema" "status_changes_are_audited" {
  exec {
    sql = <<-SQL
      INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada');
      INSERT INTO orders (customer_id, total_cents) VALUES (1, 1500);
      UPDATE orders SET status = 'paid' WHERE id = 1;
    SQL
  }
  assert {
    sql           = "SELECT count(*) = 1 FROM order_audit WHERE change = 'open -> paid'"
    error_message = "the trigger did not record the status change"
  }
}

test "schema" "status_is_constrained" {
  for_each = ["open", "paid", "cancelled"]

  exec {
    sql = <<-SQL
      INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada');
      INSERT INTO orders (customer_id, total_cents, status) VALUES (1, 100, '${each.value}');
    SQL
  }
  exec {
    sql    = "SELECT status FROM orders"
    output = each.value
  }
}

test "schema" "foreign_keys_are_enforced" {
  catch {
    sql   = "INSERT INTO orders (customer_id, total_cents) VALUES (42, 100)"
    error = "FOREIGN KEY constraint failed"
  }
}
