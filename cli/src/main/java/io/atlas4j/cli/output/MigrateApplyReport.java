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
 * instead of printing progress: the pending files, each executed file with its statements and error, and
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

    /** One executed (or, with {@code --dry-run}, listed) file. */
    private static final class FileRun {
        final MigrationFile file;
        final Instant start = Instant.now();
        final int skipped;
        final List<String> statements = new ArrayList<>();
        Instant end;
        String errorStmt;
        String errorText;

        FileRun(MigrationFile file, int skipped) {
            this.file = file;
            this.skipped = skipped;
        }

        Json.Obj json() {
            Json.Obj o = MigrateApplyReport.file(file).put("Start", time(start)).put("End", time(end == null ? Instant.now() : end))
                    .put("Skipped", skipped).put("Applied", List.copyOf(statements));
            if (errorText != null) {
                o.put("Error", Json.object().put("Stmt", errorStmt).put("Text", errorText));
            }
            return o;
        }
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
    public void fileStarted(MigrationFile file, int skipped) {
        applied.add(new FileRun(file, skipped));
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
        f.errorStmt = f.statements.remove(f.statements.size() - 1);
        f.errorText = error;
        f.end = Instant.now();
    }

    @Override
    public void fileOk(Duration took) {
        super.fileOk(took);
        last().end = Instant.now();
    }

    private FileRun last() {
        return applied.get(applied.size() - 1);
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
