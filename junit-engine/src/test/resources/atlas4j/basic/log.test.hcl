test "schema" "logs" {
  log {
    message = "first"
  }
  exec {
    sql = "SELECT 1"
  }
  log {
    message = "second"
  }
}
