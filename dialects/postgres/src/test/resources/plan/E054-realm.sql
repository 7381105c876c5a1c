-- Drop index "name_index" from table: "users"
DROP INDEX "public"."name_index";
