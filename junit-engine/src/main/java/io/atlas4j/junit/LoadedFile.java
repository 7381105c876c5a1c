package io.atlas4j.junit;

import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestFile;
import io.atlas4j.testdsl.TestKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A test file read without errors, with its blocks and the run filter that selects its cases.
 *
 * @param file the file as the runtime read it
 * @param blocks all its blocks, in source order (names are unique per kind)
 * @param selected which cases the run filter selects
 */
record LoadedFile(TestFile file, List<CaseBlock> blocks, Predicate<TestCase> selected) {

    LoadedFile {
        blocks = List.copyOf(blocks);
    }

    /** The block of that kind and name. */
    Optional<CaseBlock> block(TestKind kind, String name) {
        return blocks.stream().filter(b -> b.kind() == kind && b.name().equals(name)).findFirst();
    }

    /**
     * The block selected by a line: the one whose text contains it, else the nearest one whose header
     * is above it.
     */
    Optional<CaseBlock> blockAt(int line) {
        Optional<CaseBlock> containing = blocks.stream()
                .filter(b -> b.range().line() <= line && line <= b.range().endLine())
                .findFirst();
        return containing.or(() -> blocks.stream()
                .filter(b -> b.range().line() <= line)
                .max(Comparator.comparingInt(b -> b.range().line())));
    }

    /** The cases of a block that the run filter selects, in row order. */
    List<TestCase> selectedCases(CaseBlock block) {
        return block.cases().stream().filter(selected).toList();
    }
}
