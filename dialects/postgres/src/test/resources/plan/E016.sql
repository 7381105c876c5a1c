-- Drop "users" table
DROP TABLE "users";
-- Create "users" table
CREATE TABLE "users" ("id" bigint NOT NULL);
