package io.atlas4j.migrate.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the up section of goose, dbmate and liquibase files, line by line. Marker lines are not part of
 * the SQL; every part keeps the line it starts at, so statement positions point into the file.
 */
final class SectionReader {

    private static final Pattern GOOSE = Pattern.compile("^--\\s*\\+goose\\s+(.*)$");
    private static final Pattern DBMATE = Pattern.compile("^--\\s*migrate:(up|down)\\b.*$");
    private static final Pattern LIQUIBASE_HEADER = Pattern.compile("^--\\s*liquibase\\s+formatted\\s+sql.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("^--\\s*changeset\\s+.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_SPLIT = Pattern.compile("\\bsplitStatements\\s*:\\s*false\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIQUIBASE_META = Pattern.compile("^--\\s*(rollback|comment)\\b.*$", Pattern.CASE_INSENSITIVE);

    private SectionReader() {
    }

    /**
     * goose: the lines between {@code -- +goose Up} and {@code -- +goose Down} (or the end); a
     * {@code StatementBegin} … {@code StatementEnd} block is one statement. Other annotations
     * ({@code NO TRANSACTION}, {@code ENVSUB ON}) are dropped.
     */
    static UpSql goose(String text) {
        List<String> lines = lines(text);
        List<UpSql.Part> parts = new ArrayList<>();
        Block block = null;
        boolean up = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            var m = GOOSE.matcher(line.strip());
            if (m.matches()) {
                String what = m.group(1).strip().toLowerCase(Locale.ROOT);
                if (what.startsWith("up")) {
                    up = true;
                    block = new Block(i + 2);
                } else if (what.startsWith("down")) {
                    if (up && block != null) {
                        block.finish(parts, false);
                    }
                    up = false;
                    block = null;
                    // goose runs the first Up section only; a second one is not executed either.
                    break;
                } else if (up && what.startsWith("statementbegin")) {
                    block.finish(parts, false);
                    block = new Block(i + 2);
                } else if (up && what.startsWith("statementend")) {
                    block.finish(parts, true);
                    block = new Block(i + 2);
                } else if (up) {
                    block.skip();
                }
                continue;
            }
            if (up) {
                block.add(line);
            }
        }
        if (up && block != null) {
            block.finish(parts, false);
        }
        return new UpSql(parts);
    }

    /** dbmate: the lines between {@code -- migrate:up} (options allowed) and {@code -- migrate:down} (or the end). */
    static UpSql dbmate(String text) {
        List<String> lines = lines(text);
        List<UpSql.Part> parts = new ArrayList<>();
        Block block = null;
        for (int i = 0; i < lines.size(); i++) {
            var m = DBMATE.matcher(lines.get(i).strip());
            if (m.matches()) {
                if (m.group(1).equals("down")) {
                    break;
                }
                if (block == null) {
                    block = new Block(i + 2);
                }
                continue;
            }
            if (block != null) {
                block.add(lines.get(i));
            }
        }
        if (block != null) {
            block.finish(parts, false);
        }
        return new UpSql(parts);
    }

    /**
     * Liquibase formatted SQL: the body of every {@code --changeset}, without the {@code --liquibase
     * formatted sql} header and the {@code --comment} and {@code --rollback} lines; a changeset with
     * {@code splitStatements:false} is one statement. Text before the first changeset is not executed,
     * as Liquibase ignores it.
     */
    static UpSql liquibase(String text) {
        List<String> lines = lines(text);
        List<UpSql.Part> parts = new ArrayList<>();
        Block block = null;
        boolean single = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (CHANGESET.matcher(stripped).matches()) {
                if (block != null) {
                    block.finish(parts, single);
                }
                block = new Block(i + 2);
                single = NO_SPLIT.matcher(stripped).find();
                continue;
            }
            if (block == null) {
                continue;
            }
            if (LIQUIBASE_HEADER.matcher(stripped).matches() || LIQUIBASE_META.matcher(stripped).matches()) {
                block.skip();
                continue;
            }
            block.add(line);
        }
        if (block != null) {
            block.finish(parts, single);
        }
        return new UpSql(parts);
    }

    // Lines split at '\n' (a trailing '\r' stays with its line, as the splitter treats it as space).
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * Lines collected for one part. Skipped or blank lines before the first SQL line move the start; a
     * skipped line later becomes an empty line, so the lines after it keep their numbers.
     */
    private static final class Block {

        private int start;
        private final List<String> lines = new ArrayList<>();

        Block(int start) {
            this.start = start;
        }

        void add(String line) {
            if (lines.isEmpty() && line.isBlank()) {
                start++;
                return;
            }
            lines.add(line);
        }

        void skip() {
            add("");
        }

        void finish(List<UpSql.Part> parts, boolean single) {
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).isBlank()) {
                end--;
            }
            if (end > 0) {
                parts.add(new UpSql.Part(String.join("\n", lines.subList(0, end)), start, single));
            }
        }
    }
}
