-- Modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "users_nickname_key", DROP CONSTRAINT "users_name_last_key";
