-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'unknown' BEFORE 'on';
-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'null' AFTER 'unknown';
