-- Modify "posts" table
ALTER TABLE "posts" DROP CONSTRAINT "owner_id", ADD CONSTRAINT "owner_id" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
