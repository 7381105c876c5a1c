package io.atlas4j.migrate.format;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationDir;
import io.atlas4j.plan.Plan;
import io.atlas4j.plan.PlanPrinter;
import io.atlas4j.plan.PlannedStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a plan as the migration files of a directory format, as {@code migrate diff} and
 * {@code migrate new} do (migrate-dir.md §10, §11).
 *
 * <p>Atlas: {@code <v>[_name].sql} with the plan's directives as a header block and one
 * {@code -- <Comment>} line (first letter upper-cased) before each statement. Other formats keep the
 * comments as the planner wrote them, and their down/undo part lists the reverse statements of the plan's
 * statements in reverse order, each group after a {@code -- reverse: <comment>} line; statements without
 * a reverse are left out of it. An empty plan gives the format's empty files ({@code migrate new}).
 */
public final class MigrationWriter {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final String DELIMITER_DIRECTIVE = "atlas:delimiter";

    private MigrationWriter() {
    }

    /** The current UTC time as Atlas's default version, {@code yyyyMMddHHmmss}. */
    public static String now(Clock clock) {
        return VERSION.format(clock.instant());
    }

    /**
     * The files of {@code plan} in {@code format}.
     *
     * @param version the version, e.g. {@code 20240613061102}
     * @param name the migration name, or null / empty for none
     */
    public static List<GeneratedFile> files(DirFormat format, Plan plan, String version, String name) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(version, "version");
        String suffix = name == null || name.isEmpty() ? "" : "_" + name;
        return switch (format) {
            case ATLAS -> List.of(new GeneratedFile(version + suffix + ".sql", atlas(plan)));
            case GOLANG_MIGRATE -> List.of(new GeneratedFile(version + suffix + ".up.sql", up(plan)),
                    new GeneratedFile(version + suffix + ".down.sql", down(plan)));
            case GOOSE -> List.of(new GeneratedFile(version + suffix + ".sql",
                    "-- +goose Up\n" + up(plan) + "\n-- +goose Down\n" + down(plan)));
            case DBMATE -> List.of(new GeneratedFile(version + suffix + ".sql",
                    "-- migrate:up\n" + up(plan) + "\n-- migrate:down\n" + down(plan)));
            case FLYWAY -> {
                String flywaySuffix = suffix.isEmpty() ? "" : "_" + suffix;
                yield List.of(new GeneratedFile("V" + version + flywaySuffix + ".sql", up(plan)),
                        new GeneratedFile("U" + version + flywaySuffix + ".sql", down(plan)));
            }
            case LIQUIBASE -> List.of(new GeneratedFile(version + suffix + ".sql", liquibase(plan, version)));
        };
    }

    /**
     * Writes {@code files} into the directory at {@code dir} (created when missing) and rewrites its
     * {@code atlas.sum}.
     *
     * @return the directory as it is after writing
     * @throws Atlas4jException (configuration) when a file cannot be written
     */
    public static MigrationDir write(Path dir, DirFormat format, List<GeneratedFile> files) {
        try {
            Files.createDirectories(dir);
            for (GeneratedFile f : files) {
                Files.write(dir.resolve(f.name()), f.bytes());
            }
        } catch (IOException e) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot write migration files to " + dir + ": "
                    + e.getMessage(), e);
        }
        MigrationDir written = MigrationDir.open(dir, format);
        written.writeSumFile();
        return written;
    }

    // Directive header (the delimiter directive first, then the others, then a blank line), then statements.
    private static String atlas(Plan plan) {
        List<String> header = new ArrayList<>();
        String delimiter = ";";
        for (String d : plan.directives()) {
            String directive = d.startsWith("atlas:") ? d : "atlas:" + d;
            if (directive.startsWith(DELIMITER_DIRECTIVE + " ")) {
                delimiter = unescape(directive.substring(DELIMITER_DIRECTIVE.length() + 1).strip());
                header.add(0, directive);
            } else {
                header.add(directive);
            }
        }
        StringBuilder b = new StringBuilder();
        for (String d : header) {
            b.append("-- ").append(d).append('\n');
        }
        if (!header.isEmpty()) {
            b.append('\n');
        }
        return b.append(new PlanPrinter(delimiter).statements(plan)).toString();
    }

    private static String up(Plan plan) {
        StringBuilder b = new StringBuilder();
        for (PlannedStatement s : plan.statements()) {
            if (!s.comment().isEmpty()) {
                b.append("-- ").append(s.comment()).append('\n');
            }
            b.append(s.sql()).append(";\n");
        }
        return b.toString();
    }

    private static String down(Plan plan) {
        StringBuilder b = new StringBuilder();
        List<PlannedStatement> all = plan.statements();
        for (int i = all.size() - 1; i >= 0; i--) {
            PlannedStatement s = all.get(i);
            if (s.reverse().isEmpty()) {
                continue;
            }
            if (!s.comment().isEmpty()) {
                b.append("-- reverse: ").append(s.comment()).append('\n');
            }
            for (String r : s.reverse()) {
                b.append(r).append(";\n");
            }
        }
        return b.toString();
    }

    // Atlas's layout: the header line, then per statement a changeset block; a missing comment or
    // rollback leaves its line empty, and blocks are separated by one blank line.
    private static String liquibase(Plan plan, String version) {
        StringBuilder b = new StringBuilder("--liquibase formatted sql");
        List<PlannedStatement> all = plan.statements();
        for (int i = 0; i < all.size(); i++) {
            PlannedStatement s = all.get(i);
            if (i > 0) {
                b.append('\n');
            }
            b.append("\n--changeset atlas:").append(version).append('-').append(i + 1).append('\n');
            if (!s.comment().isEmpty()) {
                b.append("--comment: ").append(s.comment());
            }
            b.append('\n').append(s.sql()).append(";\n");
            List<String> rollback = new ArrayList<>();
            s.reverse().forEach(r -> rollback.add("--rollback: " + r + ";"));
            b.append(String.join("\n", rollback));
        }
        if (!all.isEmpty()) {
            b.append('\n');
        }
        return b.toString();
    }

    private static String unescape(String delimiter) {
        return delimiter.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }
}
