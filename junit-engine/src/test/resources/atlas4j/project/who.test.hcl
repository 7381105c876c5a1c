variable "who" {
  type    = string
  default = "nobody"
}

test "schema" "who" {
  log {
    message = var.who
  }
}
