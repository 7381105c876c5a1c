package io.atlas4j.migrate.format;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.txtar.TxtarArchive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The layout of a migration directory, as the {@code ?format=} of a {@code --dir} URL names it.
 *
 * <p>Every format keeps the migration files themselves as the unit of {@code atlas.sum} and of revisions;
 * what differs is which files are migrations, how a name yields a version and description, how versions
 * are ordered, and which part of a file is the up migration.
 */
public enum DirFormat {

    /** Atlas's own: {@code <version>[_<description>].sql}, the whole file is the migration. */
    ATLAS("atlas"),
    /** Flyway: {@code V<version>[__<description>].sql} (and baseline {@code B...}); versions compare numerically. */
    FLYWAY("flyway"),
    /** golang-migrate: {@code <version>_<description>.up.sql} / {@code .down.sql}; only up files are migrations. */
    GOLANG_MIGRATE("golang-migrate"),
    /** goose: one file with {@code -- +goose Up} and {@code -- +goose Down} sections. */
    GOOSE("goose"),
    /** dbmate: one file with {@code -- migrate:up} and {@code -- migrate:down} sections. */
    DBMATE("dbmate"),
    /** Liquibase formatted SQL: {@code --changeset} blocks with {@code --rollback} lines. */
    LIQUIBASE("liquibase");

    private static final String SQL = ".sql";
    private static final String UP_SQL = ".up.sql";

    private final String id;

    DirFormat(String id) {
        this.id = id;
    }

    /** The name used in {@code ?format=}, e.g. {@code golang-migrate}. */
    public String id() {
        return id;
    }

    /**
     * The format named {@code id} (exact, lower case as Atlas spells it).
     *
     * @throws Atlas4jException (configuration) for an unknown name, listing the valid ones
     */
    public static DirFormat of(String id) {
        Objects.requireNonNull(id, "id");
        for (DirFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        String valid = Arrays.stream(values()).map(DirFormat::id).collect(Collectors.joining(", "));
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "unknown migration directory format \"" + id + "\"",
                "use one of: " + valid, null);
    }

    /** Whether a file named {@code fileName}, directly in the directory, is a migration of this format. */
    public boolean isMigration(String fileName) {
        return switch (this) {
            case ATLAS, GOOSE, DBMATE, LIQUIBASE -> fileName.endsWith(SQL);
            case GOLANG_MIGRATE -> fileName.endsWith(UP_SQL) && fileName.length() > UP_SQL.length();
            case FLYWAY -> FlywayName.parse(fileName).filter(FlywayName::migration).isPresent();
        };
    }

    /** The version of the migration named {@code fileName}. */
    public String version(String fileName) {
        if (this == FLYWAY) {
            return FlywayName.parse(fileName).map(FlywayName::version).orElseGet(() -> MigrationFile.versionOf(fileName));
        }
        String base = base(fileName);
        int cut = base.indexOf('_');
        return cut < 0 ? base : base.substring(0, cut);
    }

    /** The description of the migration named {@code fileName}; empty without one. */
    public String description(String fileName) {
        if (this == FLYWAY) {
            return FlywayName.parse(fileName).map(FlywayName::description).orElse("");
        }
        String base = base(fileName);
        int cut = base.indexOf('_');
        return cut < 0 ? "" : base.substring(cut + 1);
    }

    // The name without the suffix that marks a migration (golang-migrate's ".up.sql" as a whole).
    private String base(String fileName) {
        String suffix = this == GOLANG_MIGRATE && fileName.endsWith(UP_SQL) ? UP_SQL : SQL;
        return fileName.endsWith(suffix) ? fileName.substring(0, fileName.length() - suffix.length()) : fileName;
    }

    /**
     * How versions of this format compare: byte-wise as strings (Atlas's rule) for every format but
     * flyway, whose versions compare numerically part by part ({@code 1.10 > 1.9}).
     */
    public Comparator<String> versionOrder() {
        return this == FLYWAY ? FlywayName.VERSION_ORDER : MigrationFile.STRING_ORDER;
    }

    /**
     * The migrations of a directory in the order they apply, from its migration files (any order).
     *
     * <p>By file name for every format but flyway, which orders by version; a flyway baseline
     * ({@code B<v>}) replaces the versioned files up to its version, and only the latest baseline counts.
     */
    public List<MigrationFile> arrange(List<MigrationFile> files) {
        List<MigrationFile> sorted = new ArrayList<>(files);
        if (this != FLYWAY) {
            sorted.sort(MigrationFile.ORDER);
            return List.copyOf(sorted);
        }
        sorted.sort(Comparator.comparing((MigrationFile f) -> version(f.name()), FlywayName.VERSION_ORDER)
                .thenComparing(f -> FlywayName.parse(f.name()).map(FlywayName::baseline).orElse(false) ? 0 : 1)
                .thenComparing(MigrationFile::name, MigrationFile.STRING_ORDER));
        String baseline = null;
        for (MigrationFile f : sorted) {
            if (FlywayName.parse(f.name()).map(FlywayName::baseline).orElse(false)) {
                baseline = version(f.name());
            }
        }
        if (baseline == null) {
            return List.copyOf(sorted);
        }
        String base = baseline;
        List<MigrationFile> kept = new ArrayList<>();
        boolean baselineKept = false;
        for (MigrationFile f : sorted) {
            boolean isBaseline = FlywayName.parse(f.name()).map(FlywayName::baseline).orElse(false);
            int cmp = FlywayName.VERSION_ORDER.compare(version(f.name()), base);
            if (cmp > 0 || (isBaseline && cmp == 0 && !baselineKept)) {
                baselineKept |= isBaseline && cmp == 0;
                kept.add(f);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * The up migration of {@code file}, a migration of this format: what to execute, with positions. An Atlas
     * txtar file ({@code -- atlas:txtar}) executes only its {@code migration.sql} member.
     */
    public UpSql upSql(MigrationFile file) {
        String text = file.text();
        return switch (this) {
            case ATLAS -> file.txtar().map(TxtarArchive::migration).orElseGet(() -> UpSql.whole(text));
            case FLYWAY, GOLANG_MIGRATE -> UpSql.whole(text);
            case GOOSE -> SectionReader.goose(text);
            case DBMATE -> SectionReader.dbmate(text);
            case LIQUIBASE -> SectionReader.liquibase(text);
        };
    }

    @Override
    public String toString() {
        return id;
    }
}
