-- The desired schema: addresses with a validated postal code (Atlas's schema-testing example).
CREATE DOMAIN us_postal_code AS TEXT
  CHECK (VALUE ~ '^\d{5}$' OR VALUE ~ '^\d{5}-\d{4}$');

CREATE TABLE addresses (
  id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  street text NOT NULL,
  zip    us_postal_code NOT NULL
);

CREATE FUNCTION zip_prefix(code us_postal_code) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$ SELECT substr(code, 1, 3) $$;

CREATE FUNCTION positive(n integer) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE
AS $$
BEGIN
  RETURN n > 0;
END;
$$;
