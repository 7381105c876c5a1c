schema "public" {
  comment = "standard public schema"
}

enum "status" {
  schema = schema.public
  values = ["active", "inactive"]
}

table "users" {
  schema  = schema.public
  comment = "the users"
  column "id" {
    type = bigserial
  }
  column "name" {
    type    = varchar(255)
    null    = true
    default = "anon"
    comment = "display name"
  }
  column "status" {
    type    = enum.status
    default = "active"
  }
  column "score" {
    type    = numeric(10, 2)
    default = 1.5
  }
  column "created" {
    type    = timestamptz(3)
    default = sql("now()")
  }
  column "tags" {
    type = sql("text[]")
    null = true
  }
  column "doubled" {
    type = int
    as {
      expr = "score * 2"
      type = STORED
    }
  }
  primary_key {
    columns = [column.id]
  }
  index "users_name" {
    unique  = true
    columns = [column.name]
    where   = "name IS NOT NULL"
    include = [column.status]
  }
  index "users_lower" {
    on {
      expr = "lower(name)"
      ops  = text_pattern_ops
    }
    on {
      column = column.created
      desc   = true
    }
  }
  unique "users_status_key" {
    columns        = [column.status, column.id]
    nulls_distinct = false
  }
  check "score_positive" {
    expr       = "score > 0"
    no_inherit = true
  }
}

table "orders" {
  schema = schema.public
  column "id" {
    type = integer
    identity {
      generated = ALWAYS
      start     = 10
      increment = 10
    }
  }
  column "user_id" {
    type = bigint
  }
  column "amount" {
    type = double_precision
  }
  primary_key {
    on {
      column = column.id
    }
  }
  foreign_key "orders_user_fk" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
    on_delete   = CASCADE
    on_update   = "SET NULL"
    deferrable  = INITIALLY_DEFERRED
  }
  partition {
    type = RANGE
    by {
      column = column.id
    }
  }
  row_security {
    enabled  = true
    enforced = true
  }
}
