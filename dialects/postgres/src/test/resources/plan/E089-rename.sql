-- Rename a column from "type" to "renamed"
ALTER TABLE "users" RENAME COLUMN "type" TO "renamed";
