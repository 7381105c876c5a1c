-- Create "users" table
CREATE TABLE "users" ("id" bigint NOT NULL);
-- Create "posts" table
CREATE TABLE "posts" ("id" bigint NOT NULL, "author_id" bigint NULL, CONSTRAINT "author" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- Create "comments" table
CREATE TABLE "comments" ("id" bigint NOT NULL, "post_id" bigint NULL, CONSTRAINT "comment" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
