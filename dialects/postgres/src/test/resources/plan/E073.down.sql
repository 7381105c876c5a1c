-- reverse: modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "users_pkey";
