-- reverse: rename a column from "a" to "b"
ALTER TABLE "t1" RENAME COLUMN "b" TO "a";
