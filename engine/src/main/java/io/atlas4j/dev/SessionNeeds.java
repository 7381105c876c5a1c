package io.atlas4j.dev;

import java.util.List;

/**
 * What a case will do with its session, known before it runs, so a dialect can pick the cheapest
 * isolation that is still correct for it: a transaction rolled back at the end when every statement can
 * be undone that way, a copy of the database otherwise.
 *
 * @param statements every SQL text the case's steps and cleanups will send (unsplit step texts)
 * @param externalPrograms whether the case runs external programs, which connect on their own and must
 *     see what the case wrote (so its work has to be committed)
 */
public record SessionNeeds(List<String> statements, boolean externalPrograms) {

    /** Nothing known: the dialect must assume anything can happen. */
    public static final SessionNeeds UNKNOWN = new SessionNeeds(null, true);

    public SessionNeeds {
        statements = statements == null ? null : List.copyOf(statements);
    }

    /** Whether the statements are known. */
    public boolean known() {
        return statements != null;
    }
}
