test "schema" "p1" {
  parallel = true
  exec {
    sql    = "SELECT 1"
    output = "1"
  }
}

test "schema" "p2" {
  parallel = true
  exec {
    sql    = "SELECT 2"
    output = "2"
  }
}

test "schema" "p3" {
  parallel = true
  exec {
    sql    = "SELECT 3"
    output = "3"
  }
}

test "schema" "p4" {
  parallel = true
  exec {
    sql    = "SELECT 4"
    output = "4"
  }
}
