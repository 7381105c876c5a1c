env "local" {
  dev = "sqlite://junit-env-local?mode=memory"
  test {
    schema {
      src = ["who.test.hcl"]
      vars = {
        who = "ada"
      }
    }
  }
}
