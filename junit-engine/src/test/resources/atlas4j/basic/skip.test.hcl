test "schema" "t" {
  skip = true
  exec {
    sql = "SELECT * FROM no_such_table"
  }
}

test "schema" "not_skipped" {
  exec {
    sql = "SELECT 1"
  }
}
