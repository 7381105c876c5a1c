package io.atlas4j.migrate.apply;

import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.time.GoDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@code migrate apply}'s progress as it happens, in Atlas's default (colour-free) shape
 * (migrate-dir.md §7.7), and counts what it reports for the footer. Not final: a subclass may record the
 * events instead (the CLI's JSON report, which passes a writer that discards the text).
 */
public class ApplyLog {

    /** Printed, alone, when nothing is pending. */
    public static final String NOTHING_TO_DO = "No migration files to execute";

    private final PrintWriter out;
    private int filesOk;
    private int filesFailed;
    private int statementsOk;
    private int statementsFailed;
    private int checksOk;
    private int checksFailed;

    public ApplyLog(PrintWriter out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** {@code No migration files to execute}. */
    public void nothingToDo() {
        out.println(NOTHING_TO_DO);
        out.flush();
    }

    /** {@code Migrating to version <target>[ from <current>] (<n> migrations in total):} and an empty line. */
    public void header(String target, String current, int files) {
        out.print("Migrating to version " + target + (current == null ? "" : " from " + current) + " (" + files
                + " migrations in total):\n\n");
        out.flush();
    }

    /** The files the run is about to execute, in order; the text report does not print them. */
    public void pending(List<MigrationFile> files) {
        // Nothing to print: the header says how many.
    }

    /**
     * A file starts; {@code skipped} statements of it were applied by an earlier, partial run. The text
     * report prints {@link #fileStarted(String)}.
     */
    public void fileStarted(MigrationFile file, int skipped) {
        fileStarted(file.version());
    }

    /** {@code   -- migrating version <v>}. */
    public void fileStarted(String version) {
        out.print("  -- migrating version " + version + "\n");
        out.flush();
    }

    /** {@code     -> <statement>}, continuation lines indented to the statement's first character. */
    public void statement(String text) {
        out.print("    -> " + text.replace("\n", "\n       ") + "\n");
        out.flush();
        statementsOk++;
    }

    /** The error of the last statement listed, indented 4 spaces, then the empty line before the footer. */
    public void statementFailed(String error) {
        statementsOk--;
        statementsFailed++;
        filesFailed++;
        out.print("    " + error.replace("\n", "\n    ") + "\n\n");
        out.flush();
    }

    /** {@code   -- checks before migrating version <v>}: one check file of a txtar file starts. */
    public void checksStarted(String version) {
        out.print("  -- checks before migrating version " + version + "\n");
        out.flush();
    }

    /**
     * One check file {@code name} (e.g. {@code checks.sql}) of the txtar file {@code file} starts; the text
     * report prints {@link #checksStarted(String)}.
     */
    public void checksStarted(MigrationFile file, String name) {
        checksStarted(file.version());
    }

    /**
     * One assertion of the running check file; {@code error} says why it failed (e.g. {@code returned false},
     * or the database's error), null when it did not. The text report prints {@link #check(String, boolean)}.
     */
    public void check(String text, boolean failed, String error) {
        check(text, failed);
    }

    /**
     * {@code     -> <assertion>} (continuation lines indented like statements), counted as a passed check or,
     * when {@code failed}, as a failure.
     */
    public void check(String text, boolean failed) {
        out.print("    -> " + text.replace("\n", "\n       ") + "\n");
        out.flush();
        if (failed) {
            checksFailed++;
        } else {
            checksOk++;
        }
    }

    /** {@code   -- ok (<dur>)} and the empty line after a check file that passed. */
    public void checksOk(Duration took) {
        out.print("  -- ok (" + GoDuration.format(took) + ")\n\n");
        out.flush();
    }

    /**
     * The error of a check file that failed, indented 4 spaces, then the empty line before the footer; the
     * file counts as a migration with errors (its statements are not shown, as none ran).
     */
    public void checksFailed(String error) {
        filesFailed++;
        out.print("    " + error.replace("\n", "\n    ") + "\n\n");
        out.flush();
    }

    /**
     * The running check file failed at the assertion {@code stmt} (null when no single assertion is to blame,
     * e.g. a {@code oneof} file without assertions) with {@code error}; the text report prints
     * {@link #checksFailed(String)}.
     */
    public void checksFailed(String stmt, String error) {
        checksFailed(error);
    }

    /** {@code   -- ok (<dur>)} and the empty line after a file. */
    public void fileOk(Duration took) {
        filesOk++;
        out.print("  -- ok (" + GoDuration.format(took) + ")\n\n");
        out.flush();
    }

    /** The footer: separator, total duration, file counts, check counts (when checks ran) and statement counts. */
    public void footer(Duration took) {
        out.print("  -------------------------\n");
        out.print("  -- " + GoDuration.format(took) + "\n");
        out.print("  -- " + counted(filesOk, filesFailed, "migration") + "\n");
        if (checksOk + checksFailed > 0) {
            out.print("  -- " + checks(checksOk, checksFailed) + "\n");
        }
        if (statementsOk + statementsFailed > 0) {
            // Atlas leaves out a count line with nothing to count (e.g. when the first file's checks failed).
            out.print("  -- " + counted(statementsOk, statementsFailed, "sql statement") + "\n");
        }
        out.flush();
    }

    /** Atlas's count line: {@code 2 migrations}, {@code 1 migration ok, 1 with errors}, {@code 1 migration with errors}. */
    static String counted(int ok, int failed, String noun) {
        if (failed == 0) {
            return plural(ok, noun);
        }
        if (ok == 0) {
            return plural(failed, noun) + " with errors";
        }
        return plural(ok, noun) + " ok, " + failed + " with errors";
    }

    /** Atlas's check line: {@code 2 checks}, {@code 2 checks ok, 1 failure}, {@code 1 check error}. */
    static String checks(int ok, int failed) {
        if (failed == 0) {
            return plural(ok, "check");
        }
        if (ok == 0) {
            return plural(failed, "check error");
        }
        return plural(ok, "check") + " ok, " + plural(failed, "failure");
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n > 1 ? "s" : "");
    }
}
