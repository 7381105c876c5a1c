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
    // NOT IN over one scan of pg_depend (a hashed subplan, applied while scanning pg_class) rather than a
    // correlated NOT EXISTS, which the planner ran as a nested-loop anti join over every column row.
    private static final String NOT_EXTENSION_RELATION = "c.oid NOT IN (SELECT d.objid FROM pg_catalog.pg_depend d"
            + " WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'e')";

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
     * Tables, views and materialized views with their columns, one row per column (a table without
     * columns gives one row of NULL column fields). Partitions are left out: they belong to their
     * partitioned table. Columns: 1 schema, 2 relation, 3 relkind, 4 comment, 5 column, 6 format_type,
     * 7 not null, 8 default, 9 identity, 10 generated, 11 column comment, 12-17 type and array element
     * (typtype, schema, name), 18-19 identity start and increment, 20 collation when not the type's,
     * 21 the sequence OWNED BY the column, 22-23 row security enabled and forced, 24 partition key.
     */
    static final String COLUMNS = "SELECT n.nspname, c.relname, c.relkind, pg_catalog.obj_description(c.oid, 'pg_class'),"
            + " a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
            + " pg_catalog.col_description(c.oid, a.attnum),"
            + " t.typtype, tn.nspname, t.typname, et.typtype, etn.nspname, et.typname,"
            + " seq.seqstart, seq.seqincrement,"
            + " CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,"
            + " owned.relname, c.relrowsecurity, c.relforcerowsecurity,"
            + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END"
            + " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
            + " LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
            + " LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace"
            + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
            // The sequence behind an identity column depends on it internally.
            + " LEFT JOIN (pg_catalog.pg_depend sd JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = sd.objid)"
            + "   ON a.attidentity <> '' AND sd.classid = 'pg_catalog.pg_class'::regclass"
            + "   AND sd.refclassid = 'pg_catalog.pg_class'::regclass AND sd.refobjid = c.oid"
            + "   AND sd.refobjsubid = a.attnum AND sd.deptype = 'i'"
            // A serial column's sequence is OWNED BY it (an automatic dependency).
            + " LEFT JOIN LATERAL (SELECT os.relname FROM pg_catalog.pg_depend od"
            + "   JOIN pg_catalog.pg_class os ON os.oid = od.objid AND os.relkind = 'S'"
            + "   WHERE od.classid = 'pg_catalog.pg_class'::regclass AND od.refclassid = 'pg_catalog.pg_class'::regclass"
            + "   AND od.refobjid = c.oid AND od.refobjsubid = a.attnum AND od.deptype = 'a'"
            + "   ORDER BY os.relname LIMIT 1) owned ON true"
            + " WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition"
            + " AND " + NOT_EXTENSION_RELATION
            + " ORDER BY n.nspname, c.relname, a.attnum";

    /**
     * Index key parts of tables and materialized views, one row per part (key and INCLUDE columns):
     * 1 schema, 2 relation, 3 index, 4 primary, 5 unique, 6 backing constraint type, 7 access method,
     * 8 predicate, 9 comment, 10 position, 11 included, 12 column, 13 expression, 14 descending, 15 nulls
     * first, 16-18 operator class name, schema and default flag, 19 operator class parameters,
     * 20 nulls not distinct (read through {@code to_jsonb} so servers before 15, which lack the column,
     * answer NULL), 21 storage parameters, 22 exclusion operator.
     */
    /**
     * The index query for a server with ({@code pg_index.indnullsnotdistinct}, PostgreSQL 15+) or without
     * NULLS NOT DISTINCT. Naming the column directly matters: reading it through {@code to_jsonb(i)} on
     * every row also renders the index's expression trees and costs more than the rest of the query.
     */
    static String indexes(boolean nullsNotDistinct) {
        return "SELECT n.nspname, tc.relname, ic.relname, i.indisprimary, i.indisunique,"
            + " con.contype, am.amname, pg_catalog.pg_get_expr(i.indpred, i.indrelid),"
            + " pg_catalog.obj_description(i.indexrelid, 'pg_class'),"
            + " k.ord, k.ord > i.indnkeyatts, a.attname,"
            + " CASE WHEN i.indkey[k.ord - 1] = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord, true) END,"
            // indoption's DESC (1) and NULLS FIRST (2) bits: pg_index_column_has_property opens the index
            // for every part and made this query several times slower on large realms. Included columns
            // have no options (NULL here, as the function returned).
            + " CASE WHEN k.ord <= i.indnkeyatts THEN (i.indoption[k.ord - 1] & 1) <> 0 END,"
            + " CASE WHEN k.ord <= i.indnkeyatts THEN (i.indoption[k.ord - 1] & 2) <> 0 END,"
            + " opc.opcname, opcn.nspname, opc.opcdefault, ia.attoptions,"
            + (nullsNotDistinct ? " i.indnullsnotdistinct," : " false,") + " ic.reloptions,"
            + " CASE WHEN con.contype = 'x' THEN (SELECT o.oprname FROM pg_catalog.pg_operator o"
            + "   WHERE o.oid = con.conexclop[k.ord]) END"
            + " FROM pg_catalog.pg_index i"
            + " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace"
            + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
            // One row per key part. unnest() lets the planner estimate a few rows per index, where
            // generate_series(1, indnatts) is estimated at 1,000: on large realms that estimate pushed the
            // cost over jit_above_cost and JIT compilation took ten times longer than the query.
            + " CROSS JOIN LATERAL (SELECT u.ordinality::int AS ord FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS u) k"
            + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1]"
            + " LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.ord"
            + " LEFT JOIN pg_catalog.pg_opclass opc ON k.ord <= i.indnkeyatts AND opc.oid = i.indclass[k.ord - 1]"
            + " LEFT JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace"
            + " LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + "   AND con.contype IN ('p', 'u', 'x')"
            + " WHERE n.nspname = ANY(?) AND tc.relkind IN ('r', 'p', 'm') AND NOT tc.relispartition"
            + " ORDER BY n.nspname, tc.relname, ic.relname, k.ord";
    }

    /** Table check constraints: schema, table, name, expression, NO INHERIT. */
    static final String CHECKS = "SELECT n.nspname, c.relname, con.conname,"
            + " pg_catalog.pg_get_expr(con.conbin, con.conrelid), con.connoinherit"
            + " FROM pg_catalog.pg_constraint con"
            + " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE con.contype = 'c' AND n.nspname = ANY(?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " ORDER BY n.nspname, c.relname, con.conname";

    /**
     * Foreign keys, one row per column pair: schema, table, name, position, column, referenced schema,
     * table and column, update action, delete action, deferrable, initially deferred. Clones that
     * PostgreSQL adds for partitions ({@code conparentid <> 0}) are left out.
     */
    static final String FOREIGN_KEYS = "SELECT n.nspname, c.relname, con.conname, k.ord, a.attname,"
            + " rn.nspname, rc.relname, ra.attname, con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred"
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
            + " pg_catalog.obj_description(c.oid, 'pg_class'),"
            + " (SELECT substring(o FROM 14) FROM unnest(c.reloptions) o WHERE o LIKE 'check_option=%')"
            + " FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY(?) AND " + NOT_EXTENSION_RELATION
            + " ORDER BY n.nspname, c.relname";

    /**
     * One type as a single text of {@code chr(31)}-separated fields, for lists of types (routine
     * arguments, composite fields): format_type, typtype, schema, name, then the array element's
     * typtype, schema and name (empty when not an array).
     */
    static String typeRow(String oid, String typmod) {
        return "(SELECT concat_ws(chr(31), pg_catalog.format_type(x.oid, " + typmod + "), x.typtype::text, xn.nspname::text,"
                + " x.typname::text, COALESCE(xe.typtype::text, ''), COALESCE(xen.nspname::text, ''),"
                + " COALESCE(xe.typname::text, ''))"
                + " FROM pg_catalog.pg_type x JOIN pg_catalog.pg_namespace xn ON xn.oid = x.typnamespace"
                + " LEFT JOIN pg_catalog.pg_type xe ON xe.oid = x.typelem AND x.typcategory = 'A'"
                + " LEFT JOIN pg_catalog.pg_namespace xen ON xen.oid = xe.typnamespace"
                + " WHERE x.oid = " + oid + ")";
    }

    /** Objects that belong to an extension, for catalog {@code catalog} and object id {@code oid}. */
    private static String notExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog." + catalog
                + "'::regclass AND d.objid = " + oid + " AND d.deptype = 'e')";
    }

    /**
     * Sequences that are not behind an identity column: 1 schema, 2 name, 3 type, 4 start, 5 increment,
     * 6 min, 7 max, 8 cache, 9 cycle, 10 comment, 11-12 owning table and column (OWNED BY).
     */
    static final String SEQUENCES = "SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL),"
            + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
            + " pg_catalog.obj_description(c.oid, 'pg_class'), ot.relname, oa.attname"
            + " FROM pg_catalog.pg_sequence s"
            + " JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_catalog.pg_depend od ON od.classid = 'pg_catalog.pg_class'::regclass AND od.objid = c.oid"
            + "   AND od.refclassid = 'pg_catalog.pg_class'::regclass AND od.refobjsubid > 0 AND od.deptype IN ('a', 'i')"
            + " LEFT JOIN pg_catalog.pg_class ot ON ot.oid = od.refobjid"
            + " LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = od.refobjid AND oa.attnum = od.refobjsubid"
            + " WHERE n.nspname = ANY(?) AND " + NOT_EXTENSION_RELATION + " AND (od.deptype IS NULL OR od.deptype = 'a')"
            + " ORDER BY n.nspname, c.relname";

    /**
     * Functions, procedures and aggregates that no extension owns: 1 schema, 2 name, 3 prokind,
     * 4 language, 5 argument names, 6 argument modes, 7 argument defaults, 8 argument types (see
     * {@link #typeRow}), 9 result, 10 body, 11 volatility, 12 strict, 13 security definer, 14 comment,
     * 15 aggregate state function, 16 state type (type row), 17 final function, 18 initial condition.
     * The body query differs from PostgreSQL 14, which added SQL-standard bodies.
     */
    static String routines(boolean sqlBody) {
        String body = sqlBody ? "COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc)" : "p.prosrc";
        return "SELECT n.nspname, p.proname, p.prokind, l.lanname, p.proargnames, p.proargmodes,"
                + " pg_catalog.pg_get_expr(p.proargdefaults, 0),"
                + " ARRAY(SELECT " + typeRow("u.oid", "NULL")
                + "   FROM unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY AS u(oid, ord)"
                + "   ORDER BY u.ord),"
                + " pg_catalog.pg_get_function_result(p.oid), " + body + ","
                + " p.provolatile, p.proisstrict, p.prosecdef, pg_catalog.obj_description(p.oid, 'pg_proc'),"
                + " ag.aggtransfn::text, " + typeRow("ag.aggtranstype", "NULL") + ","
                + " CASE WHEN ag.aggfinalfn::oid <> 0 THEN ag.aggfinalfn::text END, ag.agginitval, p.proleakproof"
                + " FROM pg_catalog.pg_proc p"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
                + " JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
                + " LEFT JOIN pg_catalog.pg_aggregate ag ON ag.aggfnoid = p.oid"
                + " WHERE n.nspname = ANY(?) AND p.prokind IN ('f', 'p', 'a') AND " + notExtension("pg_proc", "p.oid")
                + " ORDER BY n.nspname, p.proname, p.oid";
    }

    /**
     * Domains and composite types: 1 schema, 2 name, 3 typtype, 4 comment, 5 domain base type (type
     * row), 6 not null, 7 default, 8 check names, 9 check expressions, 10 composite fields (name,
     * {@code chr(31)}, collation when not the type's or empty, {@code chr(31)}, type row).
     */
    static final String TYPES = "SELECT n.nspname, t.typname, t.typtype, pg_catalog.obj_description(t.oid, 'pg_type'),"
            + " CASE WHEN t.typtype = 'd' THEN " + typeRow("t.typbasetype", "t.typtypmod") + " END,"
            + " t.typnotnull, t.typdefault,"
            + " ARRAY(SELECT con.conname::text FROM pg_catalog.pg_constraint con"
            + "   WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname),"
            + " ARRAY(SELECT pg_catalog.pg_get_expr(con.conbin, 0) FROM pg_catalog.pg_constraint con"
            + "   WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname),"
            + " ARRAY(SELECT a.attname || chr(31) || COALESCE((SELECT co.collname FROM pg_catalog.pg_collation co"
            + "     JOIN pg_catalog.pg_type at ON at.oid = a.atttypid"
            + "     WHERE co.oid = a.attcollation AND a.attcollation <> at.typcollation), '')"
            + "   || chr(31) || " + typeRow("a.atttypid", "a.atttypmod")
            + "   FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped"
            + "   ORDER BY a.attnum)"
            + " FROM pg_catalog.pg_type t"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid"
            + " WHERE n.nspname = ANY(?) AND (t.typtype = 'd' OR t.typtype = 'c' AND tc.relkind = 'c')"
            + " AND " + notExtension("pg_type", "t.oid")
            + " ORDER BY n.nspname, t.typname";

    /**
     * User triggers of tables and views: 1 schema, 2 relation, 3 name, 4 tgtype bits, 5 definition,
     * 6 UPDATE OF columns, 7 comment. Internal triggers (foreign keys, deferred uniques) are left out,
     * and so are the clones PostgreSQL makes on partitions.
     */
    static final String TRIGGERS = "SELECT n.nspname, c.relname, tg.tgname, tg.tgtype, pg_catalog.pg_get_triggerdef(tg.oid, true),"
            + " ARRAY(SELECT a.attname::text FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY AS u(attnum, ord)"
            + "   JOIN pg_catalog.pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = u.attnum ORDER BY u.ord),"
            + " pg_catalog.obj_description(tg.oid, 'pg_trigger')"
            + " FROM pg_catalog.pg_trigger tg"
            + " JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY(?) AND NOT tg.tgisinternal AND c.relkind IN ('r', 'p', 'v', 'm')"
            + " AND NOT c.relispartition AND " + notExtension("pg_trigger", "tg.oid")
            + " ORDER BY n.nspname, c.relname, tg.tgname";

    /**
     * Row-level security policies: 1 schema, 2 table, 3 name, 4 permissive, 5 command letter, 6 roles,
     * 7 USING, 8 WITH CHECK, 9 comment.
     */
    static final String POLICIES = "SELECT n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd,"
            + " ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END"
            + "   FROM unnest(p.polroles) AS r(oid) ORDER BY 1),"
            + " pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid),"
            + " pg_catalog.obj_description(p.oid, 'pg_policy')"
            + " FROM pg_catalog.pg_policy p"
            + " JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY(?)"
            + " ORDER BY n.nspname, c.relname, p.polname";

    /**
     * Extensions but plpgsql, which every database has: name, schema, version, comment. A realm
     * object, read for realm inspections only.
     */
    static final String EXTENSIONS = "SELECT e.extname, n.nspname, e.extversion, pg_catalog.obj_description(e.oid, 'pg_extension')"
            + " FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace"
            + " WHERE e.extname <> 'plpgsql' ORDER BY e.extname";

    /** Event triggers no extension owns: name, event, tags, function, comment. A realm object. */
    static final String EVENT_TRIGGERS = "SELECT e.evtname, e.evtevent, e.evttags, "
            // Always qualified, as HCL's function.<name> reads: regproc's text drops a schema on the search path.
            + " (SELECT fn.nspname || '.' || fp.proname FROM pg_catalog.pg_proc fp"
            + " JOIN pg_catalog.pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = e.evtfoid),"
            + " pg_catalog.obj_description(e.oid, 'pg_event_trigger')"
            + " FROM pg_catalog.pg_event_trigger e WHERE " + notExtension("pg_event_trigger", "e.oid")
            + " ORDER BY e.evtname";
}
