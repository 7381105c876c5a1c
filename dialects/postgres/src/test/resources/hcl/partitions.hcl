# Partitioned tables: LIST, HASH and RANGE by columns and expressions (schema scope).
schema "public" {
}

table "events" {
  schema = schema.public
  column "kind" {
    type = text
  }
  column "payload" {
    type = jsonb
    null = true
  }
  partition {
    type    = LIST
    columns = [column.kind]
  }
}

table "buckets" {
  schema = schema.public
  column "id" {
    type = bigint
  }
  column "owner" {
    type = integer
  }
  primary_key {
    columns = [column.id, column.owner]
  }
  partition {
    type    = HASH
    columns = [column.id, column.owner]
  }
}

table "readings" {
  schema = schema.public
  column "a" {
    type = integer
  }
  column "b" {
    type = integer
  }
  column "taken" {
    type = timestamptz
  }
  partition {
    type = RANGE
    by {
      column = column.a
    }
    by {
      expr = "b * (a % 2)"
    }
    by {
      expr = "date_trunc('day', taken AT TIME ZONE 'UTC')"
    }
  }
  index "readings_a" {
    columns = [column.a]
  }
}
