-- Create sequence for serial column "c1"
CREATE SEQUENCE IF NOT EXISTS "posts_c1_seq" OWNED BY "posts"."c1";
-- Create sequence for serial column "c2"
CREATE SEQUENCE IF NOT EXISTS "posts_c2_seq" OWNED BY "posts"."c2";
-- Modify "posts" table
ALTER TABLE "posts" ALTER COLUMN "c1" SET DEFAULT nextval('"posts_c1_seq"'), ALTER COLUMN "c2" SET DEFAULT nextval('"posts_c2_seq"'), ALTER COLUMN "c2" TYPE bigint;
