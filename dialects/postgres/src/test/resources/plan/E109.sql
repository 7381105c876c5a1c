-- Create "t1" table
CREATE TABLE "s1"."t1" ("a" integer NOT NULL);
