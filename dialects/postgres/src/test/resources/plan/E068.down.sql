-- reverse: modify "users" table
ALTER TABLE "users" ADD CONSTRAINT "users_nickname_key" UNIQUE ("nickname");
