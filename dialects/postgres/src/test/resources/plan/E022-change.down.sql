-- reverse: set comment to table: "users"
COMMENT ON TABLE "public"."users" IS 'bar';
