-- T27: a dollar-quoted PL/pgSQL body is one statement.
CREATE FUNCTION two() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN 2;
END;
$$;

CREATE OR REPLACE FUNCTION quote_me(t text) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  q text := $$'$$;  -- an inner $$ quote does not end the body
BEGIN
  /* nested /* comment; */ still a comment; */
  RETURN q || t || E'\';' || q;
END;
$fn$;

DO $do$ BEGIN PERFORM two(); END $do$;

/* a /* nested */ comment; */
CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
END;

SELECT E'it\'s; escaped', 'plain\';
BEGIN;
SELECT add($1, 2);
COMMIT;
