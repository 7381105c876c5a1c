package io.atlas4j.migrate.apply;

import java.util.List;

/**
 * What {@code migrate status} found (migrate-dir.md §8).
 *
 * @param current the last revision's version, or null when none
 * @param next the next file's version, or null when nothing is pending
 * @param nextIsCheckpoint whether the next file is a checkpoint
 * @param executed the number of revisions
 * @param pending the number of pending files (a partially applied file included)
 * @param outOfOrder the number of files added out of order
 * @param outOfOrderError Atlas's non-linear error text, or null
 * @param partial the partially applied last revision, or null
 */
public record StatusReport(String current, String next, boolean nextIsCheckpoint, int executed, int pending,
                           int outOfOrder, String outOfOrderError, Revision partial) {

    /** {@code OK} or {@code PENDING}. */
    public String status() {
        return pending == 0 && outOfOrder == 0 ? "OK" : "PENDING";
    }

    /** Atlas's colour-free status text, ending with a newline. */
    public String render() {
        StringBuilder text = new StringBuilder("Migration Status: ").append(status()).append('\n');
        String cur;
        String nxt;
        String exe = Integer.toString(executed);
        if (partial != null) {
            cur = partial.version() + " (" + partial.applied() + " statements applied)";
            nxt = partial.version() + " (" + (partial.total() - partial.applied()) + " statements left)";
            exe = executed + " (last one partially)";
        } else {
            cur = current == null ? "No migration applied yet" : current;
            nxt = next == null ? "Already at latest version" : next + (nextIsCheckpoint ? " (checkpoint)" : "");
        }
        String pen = Integer.toString(pending + outOfOrder);
        if (outOfOrder > 0) {
            nxt = "UNKNOWN";
            pen = pending == 0 ? outOfOrder + " (out of order)" : pen + " (" + outOfOrder + " out of order)";
        }
        for (List<String> line : List.of(List.of("Current Version: ", cur), List.of("Next Version:    ", nxt),
                List.of("Executed Files:  ", exe), List.of("Pending Files:   ", pen))) {
            text.append("  -- ").append(line.get(0)).append(line.get(1)).append('\n');
        }
        if (partial != null && partial.failed()) {
            text.append("\nLast migration attempt had errors:\n")
                    .append("  -- SQL:   ").append(oneLine(partial.errorStmt())).append('\n')
                    .append("  -- ERROR: ").append(oneLine(partial.error())).append('\n');
        }
        if (outOfOrderError != null) {
            text.append("\n  ERROR: ").append(outOfOrderError).append('\n');
        }
        return text.toString();
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ');
    }
}
