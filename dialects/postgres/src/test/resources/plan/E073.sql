-- Modify "users" table
ALTER TABLE "users" ADD PRIMARY KEY ("id");
