-- Modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "id_nonzero", ADD COLUMN "name" text NOT NULL, ADD CONSTRAINT "name_not_empty" CHECK ("name" <> ''), ADD CONSTRAINT "positive_id" CHECK ("id" > 0) NOT VALID, DROP CONSTRAINT "id_iseven", ADD CONSTRAINT "id_iseven" CHECK (("id") % 2 = 0);
