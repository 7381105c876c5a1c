-- Modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "users_nickname_key";
