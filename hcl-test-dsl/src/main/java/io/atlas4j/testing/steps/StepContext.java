package io.atlas4j.testing.steps;

import io.atlas4j.dialect.Dialect;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.source.SourceRange;
import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.ReportLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What steps of one running case share: the connection, the report lines, the registered cleanups. */
public final class StepContext {

    private final Connection connection;
    private final Dialect dialect;
    private final Path workingDir;
    private final boolean strictOutput;
    private final Consumer<ReportLine.Log> logSink;
    private final List<ReportLine> lines = new ArrayList<>();
    private final List<Step.Cleanup> cleanups = new ArrayList<>();
    private Deadline deadline;
    private MigrationDir migrations;
    private String version;

    /**
     * @param logSink told of each log line as it happens (for live reporting)
     */
    public StepContext(Connection connection, Dialect dialect, Path workingDir, boolean strictOutput,
                       Consumer<ReportLine.Log> logSink) {
        this.connection = connection;
        this.dialect = dialect;
        this.workingDir = workingDir;
        this.strictOutput = strictOutput;
        this.logSink = logSink;
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where external programs run unless {@code working_dir} says otherwise. */
    public Path workingDir() {
        return workingDir;
    }

    public boolean strictOutput() {
        return strictOutput;
    }

    /** The case's deadline, or null when it has none. */
    public Deadline deadline() {
        return deadline;
    }

    /** Sets (or with null, removes) the deadline the following steps run under. */
    public void deadline(Deadline deadline) {
        this.deadline = deadline;
    }

    /**
     * Fails when the deadline has passed: no step starts after it.
     *
     * @throws StepFailedException naming the step that would have started
     */
    public void checkDeadline(SourceRange at, String keyword) throws StepFailedException {
        if (deadline != null && deadline.passed()) {
            throw new StepFailedException(deadline.failure(at, keyword + " did not start"));
        }
    }

    /** The migration directory of a migrate test, or null. */
    public MigrationDir migrations() {
        return migrations;
    }

    /** Sets the migration directory {@code migrate} steps apply from. */
    public void migrations(MigrationDir migrations) {
        this.migrations = migrations;
    }

    /** The last migration version applied in this case, or null for the empty database. */
    public String version() {
        return version;
    }

    /** Records that the case's database is now at {@code version}. */
    public void version(String version) {
        this.version = version;
    }

    /** Adds a log line. */
    public void log(SourceRange at, String message) {
        ReportLine.Log line = new ReportLine.Log(at, message);
        lines.add(line);
        logSink.accept(line);
    }

    /** Adds an error line. */
    public void error(Failure failure) {
        lines.add(new ReportLine.Error(failure.at(), failure.message()));
    }

    /** Registers a cleanup: it runs after the case, in reverse order of registration. */
    public void register(Step.Cleanup cleanup) {
        cleanups.add(cleanup);
    }

    /** The registered cleanups, last registered first. */
    public List<Step.Cleanup> cleanupsInReverse() {
        List<Step.Cleanup> reversed = new ArrayList<>(cleanups);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** The lines so far, in order. */
    public List<ReportLine> lines() {
        return List.copyOf(lines);
    }
}
