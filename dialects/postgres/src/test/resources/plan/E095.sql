-- Create enum type "enum"
CREATE TYPE "enum" AS ENUM ('a');
-- Create "posts" table
CREATE TABLE "posts" ("c1" "enum" NOT NULL);
