-- reverse: Create "t" table
DROP TABLE "other"."t";
