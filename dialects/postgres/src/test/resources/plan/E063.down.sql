-- reverse: rename an index from "a" to "b"
ALTER INDEX "b" RENAME TO "a";
