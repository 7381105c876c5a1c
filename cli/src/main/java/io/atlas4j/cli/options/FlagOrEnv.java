package io.atlas4j.cli.options;

/**
 * Atlas's precedence between a command-line flag and the selected env of the project file: a flag given
 * on the command line wins, and the env fills only flags left unset, and only with non-empty values.
 */
public final class FlagOrEnv {

    private FlagOrEnv() {
    }

    /** {@code flag} when given, else {@code envValue} when non-empty, else null. */
    public static String pick(String flag, String envValue) {
        if (flag != null && !flag.isEmpty()) {
            return flag;
        }
        return envValue != null && !envValue.isEmpty() ? envValue : null;
    }
}
