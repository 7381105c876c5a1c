package io.atlas4j.junit;

import io.atlas4j.source.SourceRange;
import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code test} block of a file with its cases: one case, or one per {@code for_each} row.
 *
 * @param kind the block's kind
 * @param name the block's name
 * @param range the block (its header is the position reported to IDEs)
 * @param cases its cases in row order
 * @param order the position of its first case in the file, for ordering descriptors
 */
record CaseBlock(TestKind kind, String name, SourceRange range, List<TestCase> cases, int order) {

    CaseBlock {
        cases = List.copyOf(cases);
    }

    /** Whether the block has {@code for_each} rows (and becomes a container). */
    boolean isForEach() {
        return cases.stream().anyMatch(TestCase::isExample);
    }

    /** Whether any of its cases runs in parallel. */
    boolean parallel() {
        return cases.stream().anyMatch(TestCase::parallel);
    }

    /**
     * The blocks of a file's cases, in source order. Two blocks of one kind and name are kept apart
     * (by position) so the caller can report the duplicate.
     */
    static List<CaseBlock> of(List<TestCase> cases) {
        record Key(TestKind kind, String name, int line, int column) {
        }
        Map<Key, List<TestCase>> byBlock = new LinkedHashMap<>();
        Map<Key, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            TestCase c = cases.get(i);
            String name = c.blockName() != null ? c.blockName() : c.name();
            Key key = new Key(c.kind(), name, c.range().line(), c.range().column());
            byBlock.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            firstIndex.putIfAbsent(key, i);
        }
        List<CaseBlock> blocks = new ArrayList<>();
        byBlock.forEach((key, list) -> blocks.add(
                new CaseBlock(key.kind(), key.name(), list.get(0).range(), list, firstIndex.get(key))));
        return blocks;
    }
}
