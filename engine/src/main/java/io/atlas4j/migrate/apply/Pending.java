package io.atlas4j.migrate.apply;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The files a database still needs, computed from the directory and its revisions as Atlas does
 * (migrate-dir.md §7.5), without touching a database.
 *
 * @param files the files to execute, in order (a partially applied file first)
 * @param outOfOrder files older than the last revision that have none, in directory order
 */
public record Pending(List<MigrationFile> files, List<MigrationFile> outOfOrder) {

    public Pending {
        files = List.copyOf(files);
        outOfOrder = List.copyOf(outOfOrder);
    }

    /**
     * What is pending for {@code revisions} (ordered by version) and {@code order}.
     *
     * <p>No revisions: every file from the last checkpoint. Otherwise: from the partially applied last
     * revision's file, else after the last file whose version is at most the last revision's; checkpoint
     * files are skipped. Older files without a revision are refused ({@code linear}), ignored
     * ({@code linear-skip}) or put first ({@code non-linear}).
     *
     * @throws Atlas4jException (apply) the missing-file and out-of-order errors, with Atlas's words
     */
    public static Pending of(List<MigrationFile> all, List<Revision> revisions, ExecOrder order) {
        Pending p = compute(all, revisions);
        if (p.outOfOrder.isEmpty()) {
            return p;
        }
        switch (order) {
            case LINEAR_SKIP:
                return new Pending(p.files, List.of());
            case NON_LINEAR:
                List<MigrationFile> files = new ArrayList<>(p.outOfOrder);
                files.addAll(p.files);
                return new Pending(files, List.of());
            default:
                throw outOfOrderError(p.outOfOrder);
        }
    }

    /** Pending files and out-of-order files, without applying an execution order. */
    public static Pending compute(List<MigrationFile> all, List<Revision> revisions) {
        if (revisions.isEmpty()) {
            int start = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).isCheckpoint()) {
                    start = i;
                }
            }
            return new Pending(all.subList(start, all.size()), List.of());
        }
        List<MigrationFile> files = all.stream().filter(f -> !f.isCheckpoint()).toList();
        Revision last = revisions.get(revisions.size() - 1);
        int start;
        if (last.partial()) {
            start = indexOf(files, last.version());
            if (start < 0) {
                throw new Atlas4jException(ErrorCode.APPLY, "sql/migrate: missing migration: revision \""
                        + last.version() + (last.description().isEmpty() ? "" : "_" + last.description())
                        + ".sql\" is partially applied but migration file was not found");
            }
        } else {
            start = 0;
            for (int i = 0; i < files.size(); i++) {
                if (MigrationFile.STRING_ORDER.compare(files.get(i).version(), last.version()) <= 0) {
                    start = i + 1;
                }
            }
        }
        Set<String> known = new HashSet<>();
        revisions.forEach(r -> known.add(r.version()));
        String first = revisions.get(0).version();
        List<MigrationFile> outOfOrder = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            MigrationFile f = files.get(i);
            if (MigrationFile.STRING_ORDER.compare(f.version(), first) > 0 && !known.contains(f.version())) {
                outOfOrder.add(f);
            }
        }
        return new Pending(files.subList(start, files.size()), outOfOrder);
    }

    /** Atlas's non-linear error for {@code files}. */
    public static Atlas4jException outOfOrderError(List<MigrationFile> files) {
        String names = files.stream().map(MigrationFile::name).collect(Collectors.joining(", "));
        String text = files.size() == 1
                ? "migration file " + names + " was added out of order"
                : "migration files " + names + " were added out of order";
        return new Atlas4jException(ErrorCode.APPLY, text + ". See: https://atlasgo.io/versioned/apply#non-linear-error",
                "apply them with --exec-order non-linear, or skip them with --exec-order linear-skip", null);
    }

    private static int indexOf(List<MigrationFile> files, String version) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).version().equals(version)) {
                return i;
            }
        }
        return -1;
    }
}
