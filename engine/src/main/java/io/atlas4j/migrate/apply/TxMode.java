package io.atlas4j.migrate.apply;

import io.atlas4j.error.Atlas4jException;
import io.atlas4j.error.ErrorCode;
import io.atlas4j.migrate.Directive;
import io.atlas4j.migrate.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How {@code migrate apply} wraps files in transactions ({@code --tx-mode}). */
public enum TxMode {
    /** One transaction per file, with its revision writes. */
    FILE,
    /** One transaction for every file of the run. */
    ALL,
    /** No transaction: every statement commits on its own. */
    NONE;

    /** The flag's value in lower case, as Atlas spells it. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a {@code --tx-mode} value.
     *
     * @throws Atlas4jException (configuration) {@code unknown tx-mode "<x>"}
     */
    public static TxMode parse(String value) {
        for (TxMode m : values()) {
            if (m.flag().equals(value)) {
                return m;
            }
        }
        throw new Atlas4jException(ErrorCode.CONFIGURATION, "unknown tx-mode \"" + value + "\"",
                "use --tx-mode file, all or none", null);
    }

    /**
     * The mode {@code file} runs in under this global mode: its {@code -- atlas:txmode} header directive
     * ({@code none} or {@code file}) wins over {@code file} and {@code none}; under {@code all} a file may not
     * opt out.
     *
     * @throws Atlas4jException (configuration) with Atlas's message for an invalid or conflicting directive
     */
    public TxMode forFile(MigrationFile file) {
        List<String> values = new ArrayList<>();
        for (Directive d : file.directives("txmode")) {
            values.addAll(d.argumentList());
        }
        if (values.isEmpty()) {
            return this;
        }
        if (values.size() > 1) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "multiple txmode values found in file \"" + file.name() + "\": " + values);
        }
        String value = values.get(0);
        if (value.equals("all")) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "txmode \"all\" is not allowed in file directive \"" + file.name() + "\". Use \"file\" instead");
        }
        if (!value.equals("none") && !value.equals("file")) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION,
                    "unknown txmode \"" + value + "\" found in file directive \"" + file.name() + "\"");
        }
        if (this == ALL && value.equals("none")) {
            throw new Atlas4jException(ErrorCode.CONFIGURATION, "cannot set txmode directive to \"none\" in \""
                    + file.name() + "\" when txmode \"all\" is set globally");
        }
        return this == ALL ? ALL : parse(value);
    }
}
