-- Rename an enum from "a" to "b"
ALTER TYPE "a" RENAME TO "b";
