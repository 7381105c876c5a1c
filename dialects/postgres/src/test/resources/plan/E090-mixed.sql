-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'start' BEFORE 'on';
-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'null' AFTER 'on';
-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'unknown' AFTER 'off';
