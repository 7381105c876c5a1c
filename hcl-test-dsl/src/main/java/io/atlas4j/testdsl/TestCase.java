package io.atlas4j.testdsl;

import io.atlas4j.source.SourceRange;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One runnable case: a {@code test} block, or one row of its {@code for_each}.
 *
 * <p>Steps are evaluated when the case runs ({@link #steps(CaseScope)}), because they may read
 * {@code self.dev_url}, known only then. The reader evaluates them once at load time with a
 * placeholder scope, so every load error is found before any case runs.
 *
 * @param kind schema or migrate
 * @param name the full name: the block name, or {@code name/1}, {@code name/key} for a row
 * @param blockName the block's own name (the second label)
 * @param example the row's key ({@code "1"}, {@code "2"}, ... for lists and sets, the key for maps), or
 *     null when the block has no {@code for_each}
 * @param range the {@code test} block (its header position is what IDEs jump to)
 * @param skip whether the case is skipped
 * @param parallel whether the case may run concurrently with other parallel cases
 * @param stepFactory evaluates the steps for a scope
 */
public record TestCase(TestKind kind, String name, String blockName, String example, SourceRange range,
                       boolean skip, boolean parallel, Function<CaseScope, List<Step>> stepFactory) {

    public TestCase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(stepFactory, "stepFactory");
    }

    /**
     * The steps, evaluated for the running case.
     *
     * @throws io.atlas4j.error.DiagnosticException when an expression fails at run time
     */
    public List<Step> steps(CaseScope scope) {
        return stepFactory.apply(scope);
    }

    /** The test file as {@code self.file} shows it: an absolute path, or the URI of a non-file resource. */
    public String file() {
        return TestFileReader.fileOf(range.uri());
    }

    /** Whether this case is one row of a {@code for_each} block. */
    public boolean isExample() {
        return example != null;
    }
}
