schema "app" {
}

domain "positive_int" {
  schema  = schema.app
  type    = integer
  null    = true
  default = 1
  check "positive" {
    expr = "VALUE > 0"
  }
}

composite "address" {
  schema = schema.app
  field "street" {
    type = text
  }
  field "zip" {
    type    = varchar(10)
    collate = "C"
  }
}

sequence "ticket_seq" {
  schema    = schema.app
  type      = integer
  start     = 100
  increment = 5
  cache     = 10
  cycle     = true
  owner     = table.accounts.column.id
  comment   = "tickets"
}

table "accounts" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "balance" {
    type = domain.positive_int
  }
  column "home" {
    type = composite.address
    null = true
  }
  column "tags" {
    type = text
  }
  column "during" {
    type = tstzrange
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  exclude "accounts_excl" {
    type = GIST
    on {
      column = column.during
      op     = "&&"
    }
  }
}

view "rich" {
  schema  = schema.app
  as      = <<-SQL
    SELECT id
    FROM app.accounts
    WHERE balance > 100
  SQL
  depends_on   = [table.accounts]
  comment      = "rich accounts"
  check_option = LOCAL
  column "id" {
    type = int
  }
}

materialized "totals" {
  schema = schema.app
  as     = "SELECT count(*) AS n FROM app.accounts"
  column "n" {
    type = bigint
    null = true
  }
  index "totals_n" {
    columns = [column.n]
  }
}

function "audit" {
  schema     = schema.app
  lang       = PLpgSQL
  return     = trigger
  volatility = STABLE
  strict     = true
  security   = DEFINER
  as         = <<-SQL
    BEGIN
      RETURN NEW;
    END;
  SQL
}

function "add" {
  schema = schema.app
  lang   = SQL
  arg "a" {
    type = int
  }
  arg "b" {
    type    = int
    default = 1
  }
  return = int
  as     = "SELECT a + b"
}

procedure "reset" {
  schema = schema.app
  lang   = SQL
  arg "who" {
    type = text
    mode = INOUT
  }
  as     = "SELECT 1"
}

aggregate "sum2" {
  schema     = schema.app
  arg {
    type = int
  }
  state_type = int
  state_func = function.add
  init_cond  = "0"
}

trigger "accounts_audit" {
  on = table.accounts
  after {
    insert    = true
    update_of = [table.accounts.column.balance]
    delete    = true
  }
  for = ROW
  execute {
    function = function.audit
  }
}

policy "own_rows" {
  on    = table.accounts
  as    = RESTRICTIVE
  for   = SELECT
  to    = [PUBLIC, "admin"]
  using = "(id = 1)"
}

extension "pg_trgm" {
  schema  = schema.app
  version = "1.6"
}

function "on_ddl" {
  schema = schema.app
  lang   = PLpgSQL
  return = event_trigger
  as     = <<-SQL
    BEGIN
    END;
  SQL
}

event_trigger "log_ddl" {
  on      = ddl_command_end
  tags    = ["CREATE TABLE"]
  execute = function.on_ddl
}
