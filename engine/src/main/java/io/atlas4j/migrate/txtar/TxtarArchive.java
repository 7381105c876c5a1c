package io.atlas4j.migrate.txtar;

import io.atlas4j.migrate.format.UpSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A migration file read as a txtar archive: the directive header, then members that each start with a
 * marker line {@code -- <name> --} and run to the next marker or the end of the file.
 *
 * <p>Member texts are handed out as <em>line-preserving scripts</em>: the file's text with every line that
 * is neither a header directive line nor a line of the member blanked. Split from line 1, such a script
 * gives statements whose positions point into the file, and it keeps the file's header directives (e.g.
 * {@code -- atlas:delimiter}) in front of the member's SQL.
 *
 * @param lines the file's lines (split at {@code \n}; a trailing {@code \r} stays with its line)
 * @param headerLines how many leading lines are the directive header kept in every member script
 * @param members the members in file order
 */
public record TxtarArchive(List<String> lines, int headerLines, List<Member> members) {

    /** The member holding the migration statements. */
    public static final String MIGRATION = "migration.sql";

    private static final String MARKER_START = "-- ";
    private static final String MARKER_END = " --";

    /**
     * One member of the archive.
     *
     * @param name the name between the marker's dashes, trimmed, e.g. {@code checks/users.sql}
     * @param markerLine the 1-based line of the marker
     * @param firstLine the 0-based index of the member's first line in {@link TxtarArchive#lines()}
     * @param endLine the 0-based index after its last line
     */
    public record Member(String name, int markerLine, int firstLine, int endLine) {

        public Member {
            Objects.requireNonNull(name, "name");
        }

        /** Whether this member is a check file: {@code checks.sql} or {@code checks/<x>.sql}. */
        public boolean isCheck() {
            return name.equals("checks.sql") || (name.startsWith("checks/") && name.endsWith(".sql")
                    && name.length() > "checks/.sql".length());
        }
    }

    public TxtarArchive {
        lines = List.copyOf(lines);
        members = List.copyOf(members);
    }

    /** Reads {@code text} as an archive; text before the first marker that is not a header comment is ignored. */
    public static TxtarArchive parse(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        int comments = 0;
        while (comments < lines.size() && (lines.get(comments).startsWith("--") || lines.get(comments).startsWith("#"))) {
            comments++;
        }
        List<Member> members = new ArrayList<>();
        String name = null;
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) {
            Optional<String> found = markerName(lines.get(i));
            if (found.isEmpty()) {
                continue;
            }
            if (name != null) {
                members.add(new Member(name, marker + 1, marker + 1, i));
            } else {
                // A marker ends the header: a member right after the directives is not part of it.
                comments = Math.min(comments, i);
            }
            name = found.get();
            marker = i;
        }
        if (name != null) {
            members.add(new Member(name, marker + 1, marker + 1, lines.size()));
        }
        return new TxtarArchive(lines, comments, members);
    }

    /**
     * The name of the member a marker line starts ({@code -- <name> --}, as Go's txtar reads it; a trailing
     * {@code \r} is tolerated), or empty for any other line.
     */
    static Optional<String> markerName(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (!l.startsWith(MARKER_START) || !l.endsWith(MARKER_END)
                || l.length() < MARKER_START.length() + MARKER_END.length()) {
            return Optional.empty();
        }
        return Optional.of(l.substring(MARKER_START.length(), l.length() - MARKER_END.length()).strip());
    }

    /** The first member named {@code name}. */
    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The check members in archive order. */
    public List<Member> checkMembers() {
        return members.stream().filter(Member::isCheck).toList();
    }

    /** The member's own text: its lines joined with {@code \n}. */
    public String text(Member member) {
        return String.join("\n", lines.subList(member.firstLine(), member.endLine()));
    }

    /**
     * The member as a line-preserving script (see the class comment), to split from line 1 of the file.
     */
    public String script(Member member) {
        StringBuilder b = new StringBuilder();
        int end = member.endLine();
        for (int i = 0; i < end; i++) {
            if (i < headerLines || i >= member.firstLine()) {
                b.append(lines.get(i));
            }
            if (i < end - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The up migration: {@code migration.sql} as one line-preserving part; no parts when the archive has no
     * such member (nothing to execute).
     */
    public UpSql migration() {
        return member(MIGRATION).map(m -> new UpSql(List.of(new UpSql.Part(script(m), 1, false))))
                .orElseGet(() -> new UpSql(List.of()));
    }

    /** The check files in archive order. */
    public List<CheckFile> checks() {
        return checkMembers().stream().map(m -> new CheckFile(m.name(), m.markerLine() + 1, script(m),
                CheckFile.Policy.of(text(m)))).toList();
    }
}
