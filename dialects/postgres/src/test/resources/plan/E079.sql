-- Modify "pets" table
ALTER TABLE "pets" DROP CONSTRAINT "pets_user_id_fkey";
