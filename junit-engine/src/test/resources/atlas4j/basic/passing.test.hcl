# Two cases that pass. Line numbers matter: the tests select cases by line.

test "schema" "select_one" {
  exec {
    sql    = "SELECT 1"
    output = "1"
  }
}

test "schema" "insert_user" {
  exec {
    sql = "INSERT INTO users (id, name) VALUES (1, 'ada')"
  }
  exec {
    sql    = "SELECT name FROM users"
    output = "ada"
  }
}
