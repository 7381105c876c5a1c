package io.atlas4j.dialect.postgres;

/**
 * The catalog queries of {@link PostgresInspector}. Each reads one object kind for every selected
 * schema at once (the schema names are bound as one {@code text[]}), so inspecting costs the same
 * number of round trips for 2 tables or 2,000.
 */
final class PostgresQueries {

    private PostgresQueries() {
    }

    /** Schemas that are neither system nor extension-owned, excluding temporary ones. */
    private static final String USER_SCHEMA = "n.nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast')"
            + " AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_namespace'::regclass"
            + " AND d.objid = n.oid AND d.deptype = 'e')";

    /** Relations that belong to an extension are the extension's business, not the schema's. */
    private static final String NOT_EXTENSION_RELATION = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
            + " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    /** Every user schema: name, comment. */
    static final String SCHEMAS = "SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace')"
            + " FROM pg_catalog.pg_namespace n WHERE " + USER_SCHEMA + " ORDER BY n.nspname";

    /** One schema (parameter: its name, or '' for the current schema): name, comment. */
    static final String SCHEMA = "SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace')"
            + " FROM pg_catalog.pg_namespace n WHERE " + USER_SCHEMA
            + " AND n.nspname = COALESCE(NULLIF(?, ''), current_schema())";

    /** Enum labels in sort order: schema, type, label. */
    static final String ENUMS = "SELECT n.nspname, t.typname, e.enumlabel"
            + " FROM pg_catalog.pg_enum e"
            + " JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = ANY(?)"
            + " ORDER BY n.nspname, t.typname, e.enumsortorder";

    /**
     * Tables and their columns, one row per column (a table without columns gives one row of NULL
     * column fields). Partitions are left out: they belong to their partitioned table.
     */
    static final String COLUMNS = "SELECT n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class'),"
            + " a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
            + " pg_catalog.col_description(c.oid, a.attnum),"
            + " t.typtype, tn.nspname, t.typname, et.typtype, etn.nspname, et.typname,"
            + " seq.seqstart, seq.seqincrement"
            + " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
            + " LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
            + " LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace"
            // The sequence behind an identity column depends on it internally.
            + " LEFT JOIN (pg_catalog.pg_depend sd JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = sd.objid)"
            + "   ON a.attidentity <> '' AND sd.classid = 'pg_catalog.pg_class'::regclass"
            + "   AND sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.refobjid = c.oid"
            + "   AND sd.refobjsubid = a.attnum AND sd.deptype = 'i'"
            + " WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND " + NOT_EXTENSION_RELATION
            + " ORDER BY n.nspname, c.relname, a.attnum";

    /**
     * Index key parts, one row per part (key and INCLUDE columns): schema, table, index, primary,
     * unique, backing constraint type, access method, predicate, comment, position, included, column,
     * expression, descending, nulls first.
     */
    static final String INDEXES = "SELECT n.nspname, tc.relname, ic.relname, i.indisprimary, i.indisunique,"
            + " con.contype, am.amname, pg_catalog.pg_get_expr(i.indpred, i.indrelid),"
            + " pg_catalog.obj_description(i.indexrelid, 'pg_class'),"
            + " k.ord, k.ord > i.indnkeyatts, a.attname,"
            + " CASE WHEN i.indkey[k.ord - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord, true) END,"
            + " pg_catalog.pg_index_column_has_property(i.indexrelid, k.ord, 'desc'),"
            + " pg_catalog.pg_index_column_has_property(i.indexrelid, k.ord, 'nulls_first')"
            + " FROM pg_catalog.pg_index i"
            + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace"
            + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
            + " CROSS JOIN LATERAL generate_series(1, i.indnatts) AS k(ord)"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1]"
            + " LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + "   AND con.contype IN ('p', 'u', 'x')"
            + " WHERE n.nspname = ANY(?) AND tc.relkind IN ('r', 'p') AND NOT tc.relispartition"
            + " ORDER BY n.nspname, tc.relname, ic.relname, k.ord";

    /** Table check constraints: schema, table, name, expression. */
    static final String CHECKS = "SELECT n.nspname, c.relname, con.conname, pg_catalog.pg_get_expr(con.conbin, con.conrelid)"
            + " FROM pg_catalog.pg_constraint con"
            + " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE con.contype = 'c' AND n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " ORDER BY n.nspname, c.relname, con.conname";

    /**
     * Foreign keys, one row per column pair: schema, table, name, position, column, referenced schema,
     * table and column, update action, delete action. Clones that PostgreSQL adds for partitions
     * ({@code conparentid <> 0}) are left out.
     */
    static final String FOREIGN_KEYS = "SELECT n.nspname, c.relname, con.conname, k.ord, a.attname,"
            + " rn.nspname, rc.relname, ra.attname, con.confupdtype, con.confdeltype"
            + " FROM pg_catalog.pg_constraint con"
            + " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid"
            + " JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
            + " CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
            + " JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refattnum"
            + " WHERE con.contype = 'f' AND con.conparentid = 0 AND n.nspname = ANY(?)"
            + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " ORDER BY n.nspname, c.relname, con.conname, k.ord";

    /** Views and materialized views: schema, name, kind ('v' or 'm'), definition, comment. */
    static final String VIEWS = "SELECT n.nspname, c.relname, c.relkind, pg_catalog.pg_get_viewdef(c.oid, true),"
            + " pg_catalog.obj_description(c.oid, 'pg_class')"
            + " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY(?) AND " + NOT_EXTENSION_RELATION
            + " ORDER BY n.nspname, c.relname";
}
