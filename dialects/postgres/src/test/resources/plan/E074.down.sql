-- reverse: modify "users" table
ALTER TABLE "test"."users" ADD PRIMARY KEY ("id");
