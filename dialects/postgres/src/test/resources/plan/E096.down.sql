-- reverse: rename an enum from "a" to "b"
ALTER TYPE "b" RENAME TO "a";
