-- Drop "users" table
DROP TABLE "users" CASCADE;
