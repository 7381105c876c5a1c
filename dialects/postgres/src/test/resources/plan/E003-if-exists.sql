-- Drop schema named "atlas"
DROP SCHEMA IF EXISTS "atlas" CASCADE;
