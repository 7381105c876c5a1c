-- Rename a column from "a" to "b"
ALTER TABLE "t1" RENAME COLUMN "a" TO "b";
