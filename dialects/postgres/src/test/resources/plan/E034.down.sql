-- reverse: modify "users" table
ALTER TABLE "users" ALTER COLUMN "nick" DROP NOT NULL, ALTER COLUMN "nick" DROP DEFAULT;
