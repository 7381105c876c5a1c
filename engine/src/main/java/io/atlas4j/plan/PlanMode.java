package io.atlas4j.plan;

/** What a plan is for. */
public enum PlanMode {
    /** Applied to the inspected database now ({@code schema apply}, {@code schema diff}). */
    IN_PLACE,
    /** Written to a migration file and applied later ({@code migrate diff}). */
    DEFERRED,
    /** A dump of a whole state ({@code schema inspect --format '{{ sql . }}'}). */
    DUMP
}
