test "schema" "broken" {
  exec {
    sql = "SELECT 1
  }
}
