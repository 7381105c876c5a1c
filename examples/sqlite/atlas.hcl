# Project file, read by `atlas4j schema test --env local` and by the JUnit engine (atlas4j.env=local).
env "local" {
  src = "file://schema.sql"
  dev = "sqlite://shop?mode=memory&_fk=1"

  test {
    schema {
      src = ["src/test/resources/schema-tests"]
      vars = {
        currency = "EUR"
      }
    }
  }
}
