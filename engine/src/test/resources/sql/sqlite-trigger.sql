CREATE TABLE [order;s] (id integer PRIMARY KEY, status text, `note` text);
CREATE TABLE log (id integer, msg text);

BEGIN TRANSACTION;
CREATE TRIGGER order_status AFTER UPDATE OF status ON [order;s]
WHEN new.status <> old.status
BEGIN
  INSERT INTO log VALUES (new.id, CASE new.status WHEN 'done' THEN 'end;' ELSE 'open' END);
  UPDATE [order;s] SET note = 'changed; ' || new.status WHERE id = new.id;
END;
COMMIT;
