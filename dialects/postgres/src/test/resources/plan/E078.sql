-- Modify "posts" table
ALTER TABLE "posts" ADD COLUMN "author_id" integer NOT NULL, ADD CONSTRAINT "author" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
