package io.atlas4j.migrate.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code atlas_schema_revisions}.
 *
 * @param version the file version (primary key)
 * @param description the file description
 * @param type bit flags: {@link #BASELINE}, {@link #APPLIED}, {@link #RESOLVED}
 * @param applied statements applied so far
 * @param total statements in the file
 * @param executedAt when the row was first written
 * @param executionTime the file's duration in nanoseconds
 * @param error the last error, empty when none
 * @param errorStmt the statement that failed, empty when none
 * @param hash the file's {@code atlas.sum} hash without {@code h1:}
 * @param partialHashes {@code h1:} hashes of the applied statements while the file is incomplete
 * @param operatorVersion who wrote it, e.g. {@code Atlas4J CLI v0.1.0}
 */
public record Revision(String version, String description, int type, int applied, int total, Instant executedAt,
                       long executionTime, String error, String errorStmt, String hash, List<String> partialHashes,
                       String operatorVersion) {

    /** Type bit: the database was baselined at this version. */
    public static final int BASELINE = 1;
    /** Type bit: the file was executed. */
    public static final int APPLIED = 2;
    /** Type bit: the row was set by hand ({@code migrate set}). */
    public static final int RESOLVED = 4;

    public Revision {
        Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        error = error == null ? "" : error;
        errorStmt = errorStmt == null ? "" : errorStmt;
        hash = hash == null ? "" : hash;
        partialHashes = partialHashes == null ? List.of() : List.copyOf(partialHashes);
        operatorVersion = operatorVersion == null ? "" : operatorVersion;
    }

    /** Whether the file stopped part-way and was not resolved by hand since. */
    public boolean partial() {
        return applied < total && (type & RESOLVED) == 0;
    }

    /** Whether the last attempt recorded an error. */
    public boolean failed() {
        return !error.isEmpty();
    }

    /** The row after statement {@code applied} succeeded with cumulative hash {@code hash}; the error is cleared. */
    public Revision withStatementApplied(String statementHash) {
        List<String> hashes = new ArrayList<>(partialHashes);
        hashes.add(statementHash);
        return new Revision(version, description, type, applied + 1, total, executedAt, executionTime, "", "",
                hash, hashes, operatorVersion);
    }

    /** The row after a statement failed. */
    public Revision withError(String message, String statement, long nanos) {
        return new Revision(version, description, type, applied, total, executedAt, nanos, message, statement, hash,
                partialHashes, operatorVersion);
    }

    /** The row of a completed file: no error, no partial hashes. */
    public Revision completed(long nanos) {
        return new Revision(version, description, type, applied, total, executedAt, nanos, "", "", hash, List.of(),
                operatorVersion);
    }

    /** The row with a different type. */
    public Revision withType(int newType) {
        return new Revision(version, description, newType, applied, total, executedAt, executionTime, error, errorStmt,
                hash, partialHashes, operatorVersion);
    }

    /** Atlas's name for a type: {@code baseline}, {@code applied}, {@code manually set}, ... */
    public static String typeName(int type) {
        switch (type) {
            case BASELINE:
                return "baseline";
            case APPLIED:
                return "applied";
            case RESOLVED:
                return "manually set";
            case APPLIED | RESOLVED:
                return "applied + manually set";
            default:
                String bits = Integer.toBinaryString(type & 0xF);
                return "unknown (" + "0".repeat(4 - bits.length()) + bits + ")";
        }
    }
}
