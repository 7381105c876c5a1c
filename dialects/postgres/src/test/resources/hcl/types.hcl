# Every column type family, arrays, serials, identity, generated columns and defaults (schema scope).
schema "public" {
}

enum "mood" {
  schema = schema.public
  values = ["sad", "ok", "happy"]
}

table "numbers" {
  schema  = schema.public
  comment = "numeric families"
  column "id" {
    type = smallserial
  }
  column "i2" {
    type    = smallint
    default = -1
  }
  column "i4" {
    type = int4
    null = true
  }
  column "i8" {
    type    = int8
    default = 9000000000
  }
  column "r4" {
    type = real
    null = true
  }
  column "f8" {
    type    = float8
    default = 2.5
  }
  column "exact" {
    type = numeric
    null = true
  }
  column "scaled" {
    type    = decimal(12, 4)
    default = sql("0")
  }
  column "cash" {
    type = money
    null = true
  }
  column "counter" {
    type = integer
    identity {
      generated = BY_DEFAULT
    }
  }
  column "total" {
    type = bigint
    as   = "i8 + 1"
  }
  primary_key {
    columns = [column.id]
  }
}

table "texts" {
  schema = schema.public
  column "id" {
    type = serial
  }
  column "code" {
    type    = char(3)
    default = "abc"
  }
  column "name" {
    type    = varchar(40)
    default = "it's"
    comment = "quoted default"
  }
  column "free" {
    type    = character_varying
    null    = true
  }
  column "body" {
    type    = text
    default = ""
  }
  column "raw" {
    type = bytea
    null = true
  }
  column "flag" {
    type    = bool
    default = false
  }
  column "doc" {
    type    = json
    null    = true
  }
  column "jdoc" {
    type    = jsonb
    default = sql("'{}'::jsonb")
  }
  column "x" {
    type = xml
    null = true
  }
  column "uid" {
    type    = uuid
    default = sql("gen_random_uuid()")
  }
  column "mood" {
    type    = enum.mood
    default = "ok"
  }
  column "bits" {
    type = bit_varying(16)
    null = true
  }
  column "ts" {
    type = tsvector
    null = true
  }
  column "tq" {
    type = tsquery
    null = true
  }
  column "upper_name" {
    type = text
    null = true
    as {
      expr = "upper((name)::text)"
      type = STORED
    }
  }
  primary_key {
    columns = [column.id]
  }
}

table "times" {
  schema = schema.public
  column "id" {
    type = bigint
    identity {
      generated = ALWAYS
      start     = 100
      increment = 7
    }
  }
  column "d" {
    type    = date
    default = sql("CURRENT_DATE")
  }
  column "t" {
    type = time
    null = true
  }
  column "t3" {
    type = time(3)
    null = true
  }
  column "ttz" {
    type = timetz
    null = true
  }
  column "ts" {
    type    = timestamp
    default = sql("now()")
  }
  column "tstz" {
    type = timestamptz
    null = true
  }
  column "iv" {
    type    = interval
    default = "1 day"
  }
  column "ym" {
    type = year_to_month
    null = true
  }
  primary_key {
    columns = [column.id]
  }
}

table "others" {
  schema = schema.public
  column "id" {
    type = bigserial
  }
  column "net" {
    type = cidr
    null = true
  }
  column "host" {
    type = inet
    null = true
  }
  column "mac" {
    type = macaddr
    null = true
  }
  column "mac8" {
    type = macaddr8
    null = true
  }
  column "pt" {
    type = point
    null = true
  }
  column "ln" {
    type = line
    null = true
  }
  column "seg" {
    type = lseg
    null = true
  }
  column "bx" {
    type = box
    null = true
  }
  column "pth" {
    type = path
    null = true
  }
  column "poly" {
    type = polygon
    null = true
  }
  column "circ" {
    type = circle
    null = true
  }
  column "r" {
    type = int4range
    null = true
  }
  column "r8" {
    type = int8range
    null = true
  }
  column "nr" {
    type = numrange
    null = true
  }
  column "tr" {
    type = tsrange
    null = true
  }
  column "tzr" {
    type = tstzrange
    null = true
  }
  column "dr" {
    type = daterange
    null = true
  }
  column "mr" {
    type = int4multirange
    null = true
  }
  column "o" {
    type = oid
    null = true
  }
  column "rc" {
    type = regclass
    null = true
  }
  column "lsn" {
    type = pg_lsn
    null = true
  }
  column "ints" {
    type    = sql("integer[]")
    default = sql("'{}'::integer[]")
  }
  column "grid" {
    type = sql("varchar(10)[][]")
    null = true
  }
  column "moods" {
    type = sql("mood[]")
    null = true
  }
  column "stamps" {
    type = sql("timestamp(2) with time zone[]")
    null = true
  }
  primary_key {
    columns = [column.id]
  }
}
