package io.atlas4j.schema;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The semantic kind of a column's type. Dialects parse their spelling into one of these and format it
 * back ({@code PostgresTypes}); whatever a dialect does not understand stays an {@link UnsupportedType}
 * that keeps the raw spelling.
 */
public sealed interface ColumnType {

    /** {@code smallint}, {@code integer}, {@code bigint}: {@code bits} is 8, 16, 24, 32 or 64. */
    record IntegerType(int bits, boolean unsigned) implements ColumnType {
        public IntegerType {
            if (bits <= 0) {
                throw new IllegalArgumentException("bits must be positive: " + bits);
            }
        }
    }

    /**
     * {@code numeric(precision, scale)}; a precision of 0 means "unconstrained" (then scale is 0). The
     * scale may be negative (PostgreSQL 15+).
     */
    record DecimalType(int precision, int scale) implements ColumnType {
        public DecimalType {
            if (precision < 0 || precision == 0 && scale != 0) {
                throw new IllegalArgumentException("bad decimal precision/scale: " + precision + "," + scale);
            }
        }
    }

    /** {@code real} (32 bits) or {@code double precision} (64 bits). */
    record FloatType(int bits) implements ColumnType {
        public FloatType {
            if (bits != 32 && bits != 64) {
                throw new IllegalArgumentException("bits must be 32 or 64: " + bits);
            }
        }
    }

    /** Character strings; {@code size} is the declared length, 0 when unbounded. */
    record StringType(Kind kind, int size) implements ColumnType {
        /** The string flavour. */
        public enum Kind { VARCHAR, CHAR, TEXT }

        public StringType {
            Objects.requireNonNull(kind, "kind");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
        }
    }

    /** {@code boolean}. */
    record BoolType() implements ColumnType {
    }

    /** Dates and times; {@code precision} is absent when the dialect's default applies. */
    record TimeType(Kind kind, OptionalInt precision) implements ColumnType {
        /** The temporal flavour; {@code _TZ} kinds carry a time zone. */
        public enum Kind { DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ }

        public TimeType {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(precision, "precision");
        }
    }

    /** Byte strings; {@code size} is 0 when unbounded. */
    record BinaryType(int size) implements ColumnType {
    }

    /** JSON documents; {@code binary} for PostgreSQL's {@code jsonb}. */
    record JsonType(boolean binary) implements ColumnType {
    }

    /** {@code uuid}. */
    record UuidType() implements ColumnType {
    }

    /** A reference to the named enum type {@code schema.name} (see {@link EnumType}). */
    record EnumRef(String schema, String name) implements ColumnType {
        public EnumRef {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A reference to a user-defined type {@code schema.name} other than an enum: PostgreSQL domains and
     * composite types, or a named type the dialect does not know.
     */
    record UserTypeRef(String schema, String name) implements ColumnType {
        public UserTypeRef {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }
    }

    /** An array of {@code element} (PostgreSQL {@code integer[]}; dimensions are not part of the type). */
    record ArrayType(ColumnType element) implements ColumnType {
        public ArrayType {
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * A type of one dialect only (PostgreSQL {@code serial}, {@code interval}, {@code bit(n)}, ...). The dialect
     * that made it formats it; other dialects never see it.
     */
    non-sealed interface DialectType extends ColumnType {
    }

    /** A type the dialect does not model (yet), kept as the database spells it. */
    record UnsupportedType(String raw) implements ColumnType {
        public UnsupportedType {
            Objects.requireNonNull(raw, "raw");
        }
    }
}
