-- reverse: modify "users" table
ALTER TABLE "users" ALTER COLUMN "name" TYPE text;
