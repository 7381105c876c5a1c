-- Drop "posts" table
DROP TABLE "private"."posts";
