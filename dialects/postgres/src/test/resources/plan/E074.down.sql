-- reverse: Modify "users" table
ALTER TABLE "test"."users" ADD PRIMARY KEY ("id");
