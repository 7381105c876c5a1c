-- reverse: drop "posts" table
CREATE TABLE "posts" ("id" integer NOT NULL);
CREATE INDEX "idx" ON "posts" ("id");
COMMENT ON TABLE "posts" IS 'a8m''s posts';
COMMENT ON INDEX "idx" IS 'a8m''s index';
