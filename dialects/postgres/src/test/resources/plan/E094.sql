-- Drop "t1" table
DROP TABLE "public"."t1";
-- Drop "t2" table
DROP TABLE "public"."t2";
-- Drop enum type "state"
DROP TYPE "public"."state";
