-- Modify "t" table
ALTER TABLE "t" ADD CHECK (a > 0);
