-- Create "talks" table
CREATE TABLE "talks" ("speaker" text NOT NULL, "during" tsrange NOT NULL, CONSTRAINT "excl_speaker_during" EXCLUDE USING gist ("speaker" WITH =, "during" WITH &&));
