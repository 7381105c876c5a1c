-- Rename a table from "t1" to "t2"
ALTER TABLE "t1" RENAME TO "t2";
