# Views, materialized views, routines, aggregates, triggers, policies and user types across two schemas (realm scope).
schema "shop" {
  comment = "the shop"
}

schema "util" {
}

enum "state" {
  schema = schema.shop
  values = ["new", "paid", "shipped"]
}

domain "email" {
  schema = schema.util
  type   = text
  check {
    expr = "VALUE ~ '@'"
  }
  check "email_short" {
    expr = "length(VALUE) < 200"
  }
}

domain "qty" {
  schema  = schema.shop
  comment = "a positive quantity"
  type    = integer
  default = 1
  null    = false
}

composite "money_pair" {
  schema = schema.util
  field "amount" {
    type = numeric(12, 2)
  }
  field "currency" {
    type = char(3)
  }
}

sequence "order_no" {
  schema    = schema.shop
  start     = 1000
  min_value = 1000
  max_value = 999999
  cache     = 1
}

table "orders" {
  schema = schema.shop
  column "id" {
    type    = bigint
    default = sql("nextval('shop.order_no'::regclass)")
  }
  column "buyer" {
    type = domain.email
  }
  column "state" {
    type    = enum.state
    default = "new"
  }
  column "qty" {
    type = domain.qty
  }
  column "price" {
    type = composite.money_pair
    null = true
  }
  column "owner" {
    type    = name
    default = sql("CURRENT_USER")
  }
  primary_key {
    columns = [column.id]
  }
  row_security {
    enabled  = true
    enforced = true
  }
}

table "audit" {
  schema = schema.util
  column "at" {
    type    = timestamptz
    default = sql("now()")
  }
  column "what" {
    type = text
  }
}

view "open_orders" {
  schema  = schema.shop
  as      = "SELECT id, buyer FROM shop.orders WHERE state <> 'shipped'"
  comment = "not yet shipped"
  column "id" {
    type = bigint
  }
  column "buyer" {
    type = domain.email
  }
  depends_on = [table.orders]
}

view "paid_orders" {
  schema       = schema.shop
  as           = "SELECT id, state FROM shop.orders WHERE state = 'paid'"
  check_option = CASCADED
  column "id" {
    type = bigint
  }
  column "state" {
    type = enum.state
  }
  depends_on = [table.orders]
}

materialized "order_counts" {
  schema  = schema.shop
  as      = "SELECT state, count(*) AS n FROM shop.orders GROUP BY state"
  comment = "per state"
  column "state" {
    type = enum.state
    null = true
  }
  column "n" {
    type = bigint
    null = true
  }
  index "order_counts_state" {
    unique  = true
    columns = [column.state]
  }
  index "order_counts_big" {
    on {
      expr = "(n * 2)"
    }
    where = "n > 10"
  }
  depends_on = [table.orders]
}

function "log_change" {
  schema   = schema.util
  lang     = PLpgSQL
  return   = trigger
  security = DEFINER
  comment  = "writes util.audit"
  as       = <<-SQL
    BEGIN
      INSERT INTO util.audit (what) VALUES (TG_OP || ' ' || TG_TABLE_NAME);
      RETURN NULL;
    END;
  SQL
}

function "view_insert" {
  schema = schema.shop
  lang   = PLpgSQL
  return = trigger
  as     = <<-SQL
    BEGIN
      RETURN NEW;
    END;
  SQL
}

function "twice" {
  schema     = schema.util
  lang       = SQL
  volatility = IMMUTABLE
  strict     = true
  leakproof  = true
  arg "x" {
    type = integer
  }
  return = integer
  as     = "SELECT x * 2"
}

function "std_body" {
  schema = schema.util
  lang   = SQL
  arg "a" {
    type = integer
  }
  arg "b" {
    type    = integer
    default = 10
  }
  return = integer
  as     = <<-SQL
    BEGIN ATOMIC
     SELECT (a + b);
    END
  SQL
}

function "pick" {
  schema = schema.util
  lang   = SQL
  arg {
    type = text
  }
  return = text
  as     = "SELECT $1"
}

function "add_acc" {
  schema = schema.shop
  lang   = SQL
  arg "acc" {
    type = bigint
  }
  arg "v" {
    type = integer
  }
  return     = bigint
  volatility = IMMUTABLE
  as         = "SELECT acc + v"
}

function "halve" {
  schema = schema.shop
  lang   = SQL
  arg "acc" {
    type = bigint
  }
  return = bigint
  as     = "SELECT acc / 2"
}

procedure "archive" {
  schema = schema.shop
  lang   = PLpgSQL
  arg "days" {
    type = integer
  }
  arg "moved" {
    type = integer
    mode = INOUT
  }
  as = <<-SQL
    BEGIN
      moved := days;
    END;
  SQL
}

procedure "touch" {
  schema   = schema.util
  lang     = SQL
  security = DEFINER
  arg "what" {
    type    = text
    default = "x"
  }
  as = "INSERT INTO util.audit (what) VALUES (what)"
}

aggregate "half_sum" {
  schema     = schema.shop
  arg {
    type = integer
  }
  state_type = bigint
  state_func = function.add_acc
  final_func = function.halve
  init_cond  = "0"
  comment    = "half of the sum"
}

trigger "orders_log" {
  on = table.orders
  after {
    insert    = true
    update_of = [table.orders.column.state, table.orders.column.qty]
    delete    = true
  }
  for = STATEMENT
  execute {
    function = function.log_change
  }
}

trigger "orders_truncate" {
  on = table.orders
  before {
    truncate = true
  }
  for = STATEMENT
  execute {
    function = function.log_change
  }
}

trigger "open_orders_insert" {
  on = view.open_orders
  instead_of {
    insert = true
  }
  for = ROW
  execute {
    function = function.view_insert
  }
}

trigger "state_change" {
  on = table.orders
  before {
    update = true
  }
  for  = ROW
  when = "OLD.state IS DISTINCT FROM NEW.state"
  execute {
    function = function.view_insert
  }
  comment = "state moves"
}

trigger "touched" {
  for_each = [table.orders, table.audit]
  on       = each.value
  after {
    update = true
  }
  for = STATEMENT
  execute {
    function = function.log_change
  }
}

policy "orders_owner" {
  on      = table.orders
  for     = ALL
  to      = [CURRENT_USER]
  using   = "(owner = CURRENT_USER)"
  check   = "(qty > 0)"
  comment = "own orders only"
}

policy "orders_insert" {
  on    = table.orders
  as    = PERMISSIVE
  for   = INSERT
  check = "(state = 'new'::shop.state)"
}
