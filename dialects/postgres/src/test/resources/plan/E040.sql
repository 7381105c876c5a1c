-- Modify "t1" table
ALTER TABLE "s1"."t1" ADD COLUMN "c" integer NOT NULL;
-- Rename a column from "a" to "b"
ALTER TABLE "s1"."t1" RENAME COLUMN "a" TO "b";
