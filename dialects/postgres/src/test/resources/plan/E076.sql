-- Modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "users_pkey", ADD PRIMARY KEY ("id") INCLUDE ("c");
