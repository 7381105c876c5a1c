-- Modify "posts" table
ALTER TABLE "public"."posts" ALTER COLUMN "c1" DROP DEFAULT, ALTER COLUMN "c1" TYPE integer USING c1::int, ALTER COLUMN "c2" DROP DEFAULT;
-- Drop sequence used by serial column "c1"
DROP SEQUENCE IF EXISTS "public"."posts_c1_seq";
-- Drop sequence used by serial column "c2"
DROP SEQUENCE IF EXISTS "public"."previous_name";
