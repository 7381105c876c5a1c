-- Create "users" table
CREATE TABLE "users" ("id" bigint NOT NULL, "workplace_id" bigint NULL);
-- Create "workplaces" table
CREATE TABLE "workplaces" ("id" bigint NOT NULL, "owner_id" bigint NULL);
-- Modify "users" table
ALTER TABLE "users" ADD CONSTRAINT "workplace" FOREIGN KEY ("workplace_id") REFERENCES "workplaces" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Modify "workplaces" table
ALTER TABLE "workplaces" ADD CONSTRAINT "owner" FOREIGN KEY ("owner_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
