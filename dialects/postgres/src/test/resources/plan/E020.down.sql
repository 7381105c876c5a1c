-- reverse: rename a table from "t1" to "t2"
ALTER TABLE "t2" RENAME TO "t1";
