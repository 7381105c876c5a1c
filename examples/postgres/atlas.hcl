# The dev database is a running PostgreSQL server; CI sets ATLAS4J_TEST_POSTGRES_URL, e.g.
# postgres://postgres:pass@localhost:5432/dev?sslmode=disable
locals {
  dev_url = getenv("ATLAS4J_TEST_POSTGRES_URL")
}

env "local" {
  src = "file://schema.sql"
  dev = local.dev_url

  test {
    schema {
      src = ["src/test/resources/schema-tests"]
    }
  }
}
