-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'unknown';
