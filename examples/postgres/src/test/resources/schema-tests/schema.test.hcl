test "schema" "postal" {
  exec {
    sql    = "select '12345'::us_postal_code"
    output = "12345"
  }
  catch {
    sql = "select 'hello'::us_postal_code"
  }
  log {
    message = "postal codes are checked by the domain"
  }
}

test "schema" "zip_prefix" {
  for_each = [
    {zip: "12345", want: "123"},
    {zip: "98765-4321", want: "987"},
  ]
  exec {
    sql    = "SELECT zip_prefix('${each.value.zip}')"
    output = each.value.want
  }
}

test "schema" "positive_func" {
  parallel = true
  for_each = [
    {input: 1, expected: "t"},
    {input: 0, expected: "f"},
    {input: -1, expected: "f"},
  ]
  exec {
    sql    = "SELECT positive(${each.value.input})"
    output = each.value.expected
  }
}

test "schema" "addresses_use_the_domain" {
  exec {
    sql = "INSERT INTO addresses (street, zip) VALUES ('1 Main St', '12345')"
  }
  catch {
    sql   = "INSERT INTO addresses (street, zip) VALUES ('2 Main St', 'abcde')"
    error = "violates check constraint \"us_postal_code_check\""
  }
  exec {
    sql    = "SELECT id, street, zip FROM addresses"
    format = table
    output = <<-TAB
       id |  street   |  zip
      ----+-----------+-------
       1  | 1 Main St | 12345
    TAB
  }
  assert {
    sql = "SELECT count(*) = 1 FROM addresses"
  }
}
