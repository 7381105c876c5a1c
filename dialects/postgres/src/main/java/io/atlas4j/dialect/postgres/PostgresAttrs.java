package io.atlas4j.dialect.postgres;

import io.atlas4j.schema.Attr;
import io.atlas4j.schema.ColumnType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * PostgreSQL's own attributes and types, hung on the neutral model (Atlas's {@code postgres} driver
 * attributes). Every record is a value: equality is what the differ compares.
 */
public final class PostgresAttrs {

    private PostgresAttrs() {
    }

    /** A table's {@code PARTITION BY RANGE|LIST|HASH (...)} key. */
    public record Partition(Strategy strategy, List<PartitionKey> keys) implements Attr {
        /** The partitioning strategy. */
        public enum Strategy { RANGE, LIST, HASH }

        public Partition {
            Objects.requireNonNull(strategy, "strategy");
            keys = List.copyOf(keys);
        }
    }

    /** One partition key part: a column or an expression. */
    public record PartitionKey(Optional<String> column, Optional<String> expr) {
        public PartitionKey {
            if (column.isPresent() == expr.isPresent()) {
                throw new IllegalArgumentException("a partition key is a column or an expression");
            }
        }
    }

    /** A table's row-level security ({@code ENABLE} / {@code FORCE ROW LEVEL SECURITY}). */
    public record RowSecurity(boolean enabled, boolean enforced) implements Attr {
    }

    /**
     * A non-default operator class of an index part, with its parameters
     * ({@code int8_minmax_multi_ops(values_per_range=8)}).
     */
    public record OpClass(String name, List<String> params) implements Attr {
        public OpClass {
            Objects.requireNonNull(name, "name");
            params = List.copyOf(params);
        }
    }

    /** The operator of an EXCLUDE constraint part ({@code WITH &&}). */
    public record ExcludeOperator(String operator) implements Attr {
        public ExcludeOperator {
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** {@code NULLS NOT DISTINCT} on a unique index (PostgreSQL 15+); absent means the default, distinct. */
    public record NullsNotDistinct() implements Attr {
    }

    /** BRIN storage parameters that differ from the defaults (autosummarize off, 128 pages per range). */
    public record IndexStorageParams(boolean autosummarize, int pagesPerRange) implements Attr {
    }

    /** A check constraint declared {@code NO INHERIT}. */
    public record NoInherit() implements Attr {
    }

    /** A foreign key declared {@code DEFERRABLE}, possibly {@code INITIALLY DEFERRED}. */
    public record Deferrable(boolean initiallyDeferred) implements Attr {
    }

    /** A function's volatility; absent means VOLATILE, PostgreSQL's default. */
    public record Volatility(Kind kind) implements Attr {
        /** The volatility categories. */
        public enum Kind { VOLATILE, STABLE, IMMUTABLE }
    }

    /** A view's {@code WITH [CASCADED | LOCAL] CHECK OPTION}; absent means none. */
    public record CheckOption(boolean cascaded) implements Attr {
    }

    /** A function declared {@code LEAKPROOF}: no side effects and no information leaked about its arguments. */
    public record Leakproof() implements Attr {
    }

    /** A function declared {@code STRICT} ({@code RETURNS NULL ON NULL INPUT}). */
    public record Strict() implements Attr {
    }

    /** A routine declared {@code SECURITY DEFINER}; absent means INVOKER. */
    public record SecurityDefiner() implements Attr {
    }

    /**
     * {@code smallserial}, {@code serial} or {@code bigserial}: an integer column whose default is the
     * next value of an owned sequence.
     *
     * @param bits 16, 32 or 64
     * @param sequence the owned sequence's name, empty when it follows PostgreSQL's {@code <table>_<column>_seq}
     */
    public record SerialType(int bits, String sequence) implements ColumnType.DialectType {
        public SerialType {
            if (bits != 16 && bits != 32 && bits != 64) {
                throw new IllegalArgumentException("serial bits must be 16, 32 or 64: " + bits);
            }
            Objects.requireNonNull(sequence, "sequence");
        }

        /** The type name: {@code smallserial}, {@code serial} or {@code bigserial}. */
        public String spelling() {
            return bits == 16 ? "smallserial" : bits == 32 ? "serial" : "bigserial";
        }
    }
}
