-- Drop index "name_index" from table: "users"
DROP INDEX "name_index";
