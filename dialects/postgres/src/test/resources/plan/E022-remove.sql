-- Set comment to table: "users"
COMMENT ON TABLE "users" IS '';
