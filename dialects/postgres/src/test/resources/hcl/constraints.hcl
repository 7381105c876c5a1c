# Keys, indexes of every method, foreign keys, checks, unique and exclude constraints, comments (schema scope).
schema "public" {

}

table "parents" {
  schema = schema.public
  column "id" {
    type = integer
  }
  column "region" {
    type = text
  }
  column "tags" {
    type = sql("text[]")
    null = true
  }
  column "props" {
    type = jsonb
    null = true
  }
  column "at" {
    type = point
    null = true
  }
  column "span" {
    type = tsrange
    null = true
  }
  column "email" {
    type = varchar(100)
    null = true
  }
  primary_key {
    columns = [column.id, column.region]
  }
  index "parents_email_hash" {
    type    = HASH
    columns = [column.email]
    comment = "hash lookups"
  }
  index "parents_tags_gin" {
    type    = GIN
    columns = [column.tags]
  }
  index "parents_props_gin" {
    type = GIN
    on {
      column = column.props
      ops    = jsonb_path_ops
    }
  }
  index "parents_at_gist" {
    type    = GIST
    columns = [column.at]
  }
  index "parents_at_spgist" {
    type    = SPGIST
    columns = [column.at]
  }
  index "parents_span_brin" {
    type    = BRIN
    columns = [column.span]
  }
  index "parents_email_lower" {
    unique = true
    on {
      expr = "lower((email)::text)"
    }
    on {
      column      = column.region
      desc        = true
      nulls_last  = true
    }
    where = "email IS NOT NULL"
  }
  index "parents_region_nd" {
    unique         = true
    columns        = [column.region, column.email]
    nulls_distinct = false
  }
  index "parents_email_pattern" {
    on {
      column      = column.email
      ops         = varchar_pattern_ops
      nulls_first = true
    }
    include = [column.region]
  }
  unique "parents_email_key" {
    columns = [column.email]
    include = [column.tags]
  }
  exclude "parents_span_excl" {
    type = GIST
    on {
      column = column.span
      op     = "&&"
    }
    on {
      expr = "box(at, at)"
      op   = "&&"
    }
  }
  check "parents_id_positive" {
    expr = "id > 0"
  }
  check "region known" {
    expr = "region IN ('eu', 'us')"
  }
}

table "children" {
  schema  = schema.public
  comment = "children of parents"
  column "id" {
    type    = bigint
    comment = "child id"
  }
  column "parent_id" {
    type = integer
    null = true
  }
  column "parent_region" {
    type = text
    null = true
  }
  column "parent_child" {
    type = bigint
    null = true
  }
  column "alt_id" {
    type    = integer
    null    = true
    default = 1
  }
  primary_key "children_pk" {
    columns = [column.id]
  }
  foreign_key "children_parent_fk" {
    columns     = [column.parent_id, column.parent_region]
    ref_columns = [table.parents.column.id, table.parents.column.region]
    on_update   = CASCADE
    on_delete   = SET_NULL
  }
  foreign_key "children_self_fk" {
    columns     = [column.parent_child]
    ref_columns = [column.id]
    on_delete   = RESTRICT
    deferrable  = INITIALLY_IMMEDIATE
  }
  foreign_key "children_alt_fk" {
    columns     = [column.alt_id, column.parent_region]
    ref_columns = [table.parents.column.id, table.parents.column.region]
    on_update   = NO_ACTION
    on_delete   = SET_DEFAULT
    deferrable  = INITIALLY_DEFERRED
  }
  index "children_parent_idx" {
    columns = [column.parent_id, column.parent_region]
  }
  row_security {
    enabled = true
  }
}
