-- Drop "posts" table
DROP TABLE "posts";
