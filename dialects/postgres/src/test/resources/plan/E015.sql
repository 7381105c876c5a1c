-- Create "t2" table
CREATE TABLE "t2" ("id" integer NOT NULL);
-- Drop "t1" table
DROP TABLE "t1";
