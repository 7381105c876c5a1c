-- Create "users" table
CREATE TABLE "users" ("id" text NOT NULL DEFAULT random_id(10));
