-- atlas:delimiter -- end

CREATE FUNCTION f() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT 1;
  SELECT 2;
END;
-- end
SELECT f(); SELECT 'still one statement';
-- end
