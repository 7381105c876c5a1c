test "schema" "same" {
  exec {
    sql = "SELECT 1"
  }
}

test "schema" "same" {
  exec {
    sql = "SELECT 2"
  }
}
