-- Modify "users" table
ALTER TABLE "test"."users" DROP CONSTRAINT "users_pkey";
