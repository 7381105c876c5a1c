-- Create enum type "status"
CREATE TYPE "status" AS ENUM ('active', 'inactive');
-- Create "users" table
CREATE TABLE "users" (
  "type" "status" NOT NULL DEFAULT 'inactive'
);
