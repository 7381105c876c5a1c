-- Modify "posts" table
ALTER TABLE "posts" ALTER COLUMN "c1" DROP EXPRESSION;
