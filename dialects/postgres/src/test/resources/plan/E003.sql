-- Drop schema named "atlas"
DROP SCHEMA "atlas" CASCADE;
