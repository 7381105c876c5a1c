# Extensions, the types and operator classes they bring, and event triggers (realm scope).
schema "public" {
}

schema "ext" {
}

extension "citext" {
  schema = schema.public
}

extension "pg_trgm" {
  schema  = schema.ext
  version = "1.6"
}

extension "btree_gist" {
  schema = schema.public
}

extension "hstore" {
  schema = schema.public
}

table "members" {
  schema = schema.public
  column "id" {
    type = integer
  }
  column "handle" {
    type = sql("citext")
  }
  column "room" {
    type = integer
  }
  column "stay" {
    type = tstzrange
  }
  column "extra" {
    type = hstore
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  index "members_handle_trgm" {
    type = GIN
    on {
      column = column.handle
      ops    = sql("ext.gin_trgm_ops")
    }
  }
  exclude "members_no_overlap" {
    type = GIST
    on {
      column = column.room
      op     = "="
    }
    on {
      column = column.stay
      op     = "&&"
    }
  }
}

function "on_drop" {
  schema = schema.public
  lang   = PLpgSQL
  return = event_trigger
  as     = <<-SQL
    BEGIN
      RAISE NOTICE 'dropped';
    END;
  SQL
}

function "on_start" {
  schema = schema.ext
  lang   = PLpgSQL
  return = event_trigger
  as     = <<-SQL
    BEGIN
    END;
  SQL
}

event_trigger "drops" {
  on      = sql_drop
  execute = function.on_drop
  comment = "notices drops"
}

event_trigger "creates" {
  on      = ddl_command_start
  tags    = ["CREATE TABLE", "CREATE VIEW"]
  execute = function.on_start
}
