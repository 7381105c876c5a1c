-- reverse: drop "posts" table
CREATE TABLE "private"."posts" ("id" integer NOT NULL);
CREATE INDEX "idx" ON "private"."posts" ("id");
COMMENT ON TABLE "private"."posts" IS 'a8m''s posts';
COMMENT ON INDEX "private"."idx" IS 'a8m''s index';
