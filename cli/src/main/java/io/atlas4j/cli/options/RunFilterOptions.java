package io.atlas4j.cli.options;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --run}: run only the cases whose name the regular expression finds a match in. */
public final class RunFilterOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--run", paramLabel = "REGEXP",
            description = "Run only cases whose name matches (unanchored: use ^name$ for one case).")
    String run;

    /**
     * The {@code --run} value, or null.
     *
     * @throws ParameterException when it is not a valid regular expression
     */
    public String run() {
        if (run != null) {
            try {
                Pattern.compile(run);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(mixee.commandLine(),
                        "invalid value for --run: error parsing regexp " + VarFlags.quote(run) + ": "
                                + e.getDescription(), e);
            }
        }
        return run;
    }
}
