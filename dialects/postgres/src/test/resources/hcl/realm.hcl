variable "tenant" {
  type    = string
  default = "acme"
}

locals {
  name_size = 64
}

schema "a" {
  comment = "first"
}

schema "tenant" {
  name = var.tenant
}

table "a" "users" {
  schema = schema.a
  column "id" {
    type = bigint
  }
  column "email" {
    type    = varchar(local.name_size)
    collate = "C"
  }
  column "active" {
    type    = boolean
    default = true
  }
  column "data" {
    type = jsonb
    null = true
  }
  column "ip" {
    type = inet
    null = true
  }
  column "span" {
    type = day_to_second(3)
    null = true
  }
  column "flags" {
    type = bit(8)
    null = true
  }
  primary_key "users_pk" {
    columns = [column.id]
  }
  index "users_email_ops" {
    on {
      column      = column.email
      ops         = text_pattern_ops
      nulls_first = true
    }
    on {
      expr      = "(data ->> 'k')"
      desc      = true
      nulls_last = true
    }
  }
  index "users_brin" {
    type           = BRIN
    page_per_range = 16
    autosummarize  = true
    on {
      column = column.id
      ops    = sql("int8_minmax_multi_ops(values_per_range=8)")
    }
  }
}

table "tenant" "users" {
  schema = schema.tenant
  column "id" {
    type = serial
  }
  column "a_id" {
    type = bigint
    null = true
  }
  column "note" {
    type    = text
    default = "it's ${var.tenant}"
  }
  column "at" {
    type    = timestamp(0)
    default = sql("CURRENT_TIMESTAMP(0)")
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "users_a_fk" {
    columns     = [column.a_id]
    ref_columns = [table.a.users.column.id]
    on_update   = NO_ACTION
    on_delete   = SET_DEFAULT
  }
  check "note not empty" {
    expr = "note <> ''"
  }
  check "at set" {
    expr = "at IS NOT NULL"
  }
}

sequence "counter" {
  schema    = schema.tenant
  type      = bigint
  increment = -2
}
