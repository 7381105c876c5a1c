-- reverse: create "t" table
DROP TABLE "other"."t";
