-- Modify "posts" table
ALTER TABLE "posts" DROP CONSTRAINT "author";
-- Drop "users" table
DROP TABLE "users";
