-- Rename an index from "a" to "b"
ALTER INDEX "a" RENAME TO "b";
