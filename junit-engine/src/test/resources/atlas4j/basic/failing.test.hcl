test "schema" "mismatch" {
  exec {
    sql    = "SELECT '12345'"
    output = "54321"
  }
}

test "schema" "sql_error" {
  exec {
    sql = "SELECT * FROM no_such_table"
  }
}
