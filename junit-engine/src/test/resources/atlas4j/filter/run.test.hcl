test "schema" "split" {
  exec {
    sql = "SELECT 1"
  }
}

test "schema" "split_middle" {
  exec {
    sql = "SELECT 2"
  }
}

test "schema" "join" {
  exec {
    sql = "SELECT 3"
  }
}
