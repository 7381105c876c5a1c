package io.atlas4j.migrate.apply;

import java.util.List;

/**
 * What {@code migrate set} changed (migrate-dir.md §9).
 *
 * @param version the version the revisions now end at, or null when every revision was deleted
 * @param changes the rows set ({@code +}) and removed ({@code -}), ordered by version
 */
public record SetReport(String version, List<Change> changes) {

    public SetReport {
        changes = List.copyOf(changes);
    }

    /**
     * One changed revision.
     *
     * @param set true for a row written ({@code +}), false for a row deleted ({@code -})
     */
    public record Change(boolean set, String version, String description) {
    }

    /** Atlas's text; empty when nothing changed. */
    public String render() {
        if (changes.isEmpty()) {
            return "";
        }
        long set = changes.stream().filter(Change::set).count();
        long removed = changes.size() - set;
        StringBuilder text = new StringBuilder();
        if (version == null) {
            text.append("All revisions deleted (").append(removed).append(" in total):\n\n");
        } else {
            text.append("Current version is ").append(version).append(" (");
            if (set > 0) {
                text.append(set).append(" set");
            }
            if (removed > 0) {
                text.append(set > 0 ? ", " : "").append(removed).append(" removed");
            }
            text.append("):\n\n");
        }
        for (Change c : changes) {
            text.append("  ").append(c.set() ? '+' : '-').append(' ').append(c.version())
                    .append(c.description().isEmpty() ? "" : " (" + c.description() + ")").append('\n');
        }
        return text.append('\n').toString();
    }
}
