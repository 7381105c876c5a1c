package io.atlas4j.cli.output;

import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.apply.ApplyLog;
import io.atlas4j.url.Redaction;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to a {@code migrate apply} run and records it for Atlas's JSON report (migrate-dir.md §7.7)
 * instead of printing progress: the pending files, each executed file with its statements, its txtar check
 * files ({@code Checks}: {@code Name}, {@code Stmts[{Stmt, Error}]}, {@code Error{Stmt, Text}}, {@code Start},
 * {@code End}) and its {@code Error{Stmt, Text}} (the failing statement, or the failing check assertion), and
 * the run's versions and times.
 */
public final class MigrateApplyReport extends ApplyLog {

    private final Instant start = Instant.now();
    private final List<MigrationFile> pending = new ArrayList<>();
    private final List<FileRun> applied = new ArrayList<>();
    private String current;
    private String target;
    private boolean nothingToDo;
    private Instant end;
    private String error;

    /** A report that prints nothing while the run goes on. */
    public MigrateApplyReport() {
        super(new PrintWriter(Writer.nullWriter()));
    }

    /**
     * One executed (or, with {@code --dry-run}, listed) file: its check files, then its statements. A file
     * whose checks failed has no statements and the failing assertion as its {@code Error}.
     */
    private static final class FileRun {
        final MigrationFile file;
        final Instant start = Instant.now();
        int skipped;
        boolean started;
        final List<CheckRun> checks = new ArrayList<>();
        final List<String> statements = new ArrayList<>();
        Instant end;
        boolean failed;
        String errorStmt;
        String errorText;

        FileRun(MigrationFile file) {
            this.file = file;
        }

        void failed(String stmt, String text) {
            failed = true;
            errorStmt = stmt;
            errorText = text;
            end = Instant.now();
        }

        // Atlas's AppliedFile: Skipped, Applied, Checks and Error are omitempty; Start and End are not.
        Json.Obj json() {
            Json.Obj o = MigrateApplyReport.file(file).put("Start", time(start)).put("End", time(end == null ? Instant.now() : end));
            if (skipped > 0) {
                o.put("Skipped", skipped);
            }
            JsonFormat.putList(o, "Applied", List.copyOf(statements));
            JsonFormat.putList(o, "Checks", checks.stream().map(CheckRun::json).toList());
            if (failed) {
                o.put("Error", stmtError(errorStmt, errorText));
            }
            return o;
        }
    }

    /** One check file of a txtar file: Atlas's {@code FileChecks} {@code {Name, Stmts, Error, Start, End}}. */
    private static final class CheckRun {
        final String name;
        final Instant start = Instant.now();
        final List<Json.Obj> stmts = new ArrayList<>();
        Instant end;
        boolean failed;
        String errorStmt;
        String errorText;

        CheckRun(String name) {
            this.name = name;
        }

        Json.Obj json() {
            Json.Obj o = Json.object().put("Name", name);
            JsonFormat.putList(o, "Stmts", List.copyOf(stmts));
            if (failed) {
                o.put("Error", stmtError(errorStmt, errorText));
            }
            return o.put("Start", time(start)).put("End", time(end == null ? Instant.now() : end));
        }
    }

    /** Atlas's {@code StmtError} {@code {Stmt, Text}}, both omitempty. */
    private static Json.Obj stmtError(String stmt, String text) {
        return Json.object().putIfPresent("Stmt", stmt == null || stmt.isEmpty() ? null : stmt)
                .putIfPresent("Text", text == null || text.isEmpty() ? null : text);
    }

    @Override
    public void nothingToDo() {
        nothingToDo = true;
    }

    @Override
    public void pending(List<MigrationFile> files) {
        pending.addAll(files);
    }

    @Override
    public void header(String target, String current, int files) {
        this.target = target;
        this.current = current;
    }

    @Override
    public void checksStarted(MigrationFile file, String name) {
        super.checksStarted(file, name);
        run(file).checks.add(new CheckRun(name));
    }

    @Override
    public void check(String text, boolean failed, String error) {
        super.check(text, failed, error);
        lastCheck().stmts.add(Json.object().put("Stmt", text).putIfPresent("Error", error));
    }

    @Override
    public void checksOk(Duration took) {
        super.checksOk(took);
        lastCheck().end = Instant.now();
    }

    @Override
    public void checksFailed(String stmt, String error) {
        super.checksFailed(stmt, error);
        CheckRun check = lastCheck();
        check.failed = true;
        check.errorStmt = stmt;
        check.errorText = error;
        check.end = Instant.now();
        // As for a failing statement, the file's own Error names what stopped it.
        last().failed(stmt, error);
    }

    @Override
    public void fileStarted(MigrationFile file, int skipped) {
        FileRun f = run(file);
        f.started = true;
        f.skipped = skipped;
    }

    @Override
    public void statement(String text) {
        super.statement(text);
        last().statements.add(text);
    }

    @Override
    public void statementFailed(String error) {
        super.statementFailed(error);
        // Atlas lists only the statements that succeeded; the failing one goes to Error.
        FileRun f = last();
        f.failed(f.statements.remove(f.statements.size() - 1), error);
    }

    @Override
    public void fileOk(Duration took) {
        super.fileOk(took);
        last().end = Instant.now();
    }

    // The entry of file: the last one when its checks opened it, else a new one.
    private FileRun run(MigrationFile file) {
        if (!applied.isEmpty() && last().file.equals(file) && !last().started) {
            return last();
        }
        FileRun f = new FileRun(file);
        applied.add(f);
        return f;
    }

    private FileRun last() {
        return applied.get(applied.size() - 1);
    }

    private CheckRun lastCheck() {
        List<CheckRun> checks = last().checks;
        return checks.get(checks.size() - 1);
    }

    /** Records the error that ended the run; the report then has no {@code Message}. */
    public void failed(String message) {
        error = Redaction.mask(message == null ? "unknown error" : message);
    }

    /**
     * The report as Atlas's JSON object: {@code Driver}, {@code URL}, {@code Dir}, {@code Pending},
     * {@code Applied}, {@code Current}, {@code Target}, {@code Start}, {@code End}, {@code Error},
     * {@code Message}; empty lists and absent versions are left out, as Atlas's {@code omitempty} does.
     */
    public Json.Obj json(Json.Obj env) {
        if (end == null) {
            end = Instant.now();
        }
        Json.Obj o = Json.object();
        env.entries().forEach(e -> o.put(e.getKey(), e.getValue()));
        JsonFormat.putList(o, "Pending", pending.stream().map(MigrateApplyReport::file).toList());
        JsonFormat.putList(o, "Applied", applied.stream().map(FileRun::json).toList());
        o.putIfPresent("Current", current).putIfPresent("Target", target)
                .put("Start", time(start)).put("End", time(end)).putIfPresent("Error", error);
        if (error == null) {
            o.put("Message", message());
        }
        return o;
    }

    private String message() {
        if (nothingToDo || target == null) {
            return NOTHING_TO_DO;
        }
        return "Migrated to version " + target + (current == null ? "" : " from " + current) + " (" + pending.size()
                + " migrations in total)";
    }

    /** {@code {Name, Version, Description}} of a file. */
    static Json.Obj file(MigrationFile f) {
        return Json.object().put("Name", f.name()).put("Version", f.version()).put("Description", f.description());
    }

    /** Go's JSON time shape (RFC 3339, UTC here). */
    static String time(Instant t) {
        return t.toString();
    }
}
