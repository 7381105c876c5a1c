-- Create "t" table
CREATE TABLE "other"."t" ("a" integer NOT NULL);
