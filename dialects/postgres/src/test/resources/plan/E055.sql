-- Create index "id_brin" to table: "users"
CREATE INDEX "id_brin" ON "users" USING BRIN ("id" DESC) WITH (pages_per_range = 2);
