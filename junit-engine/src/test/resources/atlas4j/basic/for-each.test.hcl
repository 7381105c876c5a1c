test "schema" "up" {
  for_each = [
    {i: "a", o: "A"},
    {i: "b", o: "B"},
  ]
  log {
    message = "${each.value.i} -> ${each.value.o}"
  }
  exec {
    sql    = "SELECT upper('${each.value.i}')"
    output = each.value.o
  }
}
