-- Add new schema named "test"
CREATE SCHEMA IF NOT EXISTS "test";
