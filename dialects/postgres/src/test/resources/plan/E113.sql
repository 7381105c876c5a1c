-- Planned Changes:
-- Create "t1" table
CREATE TABLE "t1" (
  "id" integer NULL
);
