-- Create extension "postgis"
CREATE EXTENSION "postgis" WITH SCHEMA "public" VERSION "3.4.2";
-- Create "places" table
CREATE TABLE "public"."places" ("location" geometry(point,4326) NOT NULL);
