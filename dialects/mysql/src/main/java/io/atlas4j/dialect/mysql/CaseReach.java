package io.atlas4j.dialect.mysql;

import io.atlas4j.dev.SessionNeeds;
import java.util.List;
import java.util.Locale;

/**
 * What a case may have changed besides the rows and columns of the state's tables, read from the words of
 * its statements when they are known: each kind it cannot have touched is not looked for when its slot
 * is restored (each look is a catalog query, the trigger catalog alone a millisecond). Unknown statements
 * and external programs reach everything.
 *
 * @param accounts users or roles ({@code USER}, {@code ROLE})
 * @param objects routines, triggers or events, or dynamic SQL that could create them
 * @param tables new tables or views, or renamed ones ({@code CREATE}, {@code RENAME})
 * @param schemaOptions the schema's character set or collation ({@code DATABASE}, {@code SCHEMA})
 */
record CaseReach(boolean accounts, boolean objects, boolean tables, boolean schemaOptions) {

    /** A case that may have done anything. */
    static final CaseReach ALL = new CaseReach(true, true, true, true);

    private static final List<String> ACCOUNT_WORDS = List.of("USER", "ROLE");
    private static final List<String> OBJECT_WORDS = List.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT", "PREPARE",
            "EXECUTE");
    private static final List<String> TABLE_WORDS = List.of("CREATE", "RENAME", "PREPARE", "EXECUTE");
    private static final List<String> SCHEMA_WORDS = List.of("DATABASE", "SCHEMA", "PREPARE", "EXECUTE");

    /** The reach of a case that sends {@code needs}. */
    static CaseReach of(SessionNeeds needs) {
        if (!needs.known() || needs.externalPrograms()) {
            return ALL;
        }
        List<String> texts = needs.statements().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        return new CaseReach(any(texts, ACCOUNT_WORDS), any(texts, OBJECT_WORDS), any(texts, TABLE_WORDS),
                any(texts, SCHEMA_WORDS));
    }

    /** This reach, with accounts reached when {@code accounts} says so too. */
    CaseReach withAccounts(boolean accounts) {
        return new CaseReach(this.accounts || accounts, objects, tables, schemaOptions);
    }

    private static boolean any(List<String> texts, List<String> words) {
        return texts.stream().anyMatch(t -> words.stream().anyMatch(t::contains));
    }
}
