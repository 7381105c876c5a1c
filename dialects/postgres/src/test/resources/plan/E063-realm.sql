-- Rename an index from "a" to "b"
ALTER INDEX "s1"."a" RENAME TO "b";
