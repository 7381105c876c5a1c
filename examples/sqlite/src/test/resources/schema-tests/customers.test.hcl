variable "currency" {
  type = string
}

test "schema" "email_must_look_like_an_address" {
  exec {
    sql = "INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada')"
  }
  catch {
    sql   = "INSERT INTO customers (email, name) VALUES ('not-an-email', 'Bob')"
    error = "CHECK constraint failed"
  }
  exec {
    sql    = "SELECT id, email FROM customers"
    output = "1, ada@example.com"
  }
  log {
    message = "totals are reported in ${var.currency}"
  }
}

test "schema" "emails_are_unique" {
  exec {
    sql = "INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada')"
  }
  catch {
    sql   = "INSERT INTO customers (email, name) VALUES ('ada@example.com', 'Ada again')"
    error = "UNIQUE constraint failed: customers.email"
  }
}

test "schema" "every_case_starts_empty" {
  exec {
    sql    = "SELECT count(*) FROM customers"
    output = "0"
  }
}
