package io.atlas4j.dialect.postgres.diff;

import static io.atlas4j.dialect.postgres.diff.PgFixtures.BIGINT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.INT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.TEXT;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.col;
import static io.atlas4j.dialect.postgres.diff.PgFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.ExcludeOperator;
import io.atlas4j.dialect.postgres.PostgresAttrs.IndexStorageParams;
import io.atlas4j.dialect.postgres.PostgresAttrs.NullsNotDistinct;
import io.atlas4j.dialect.postgres.PostgresAttrs.OpClass;
import io.atlas4j.schema.Attr;
import io.atlas4j.schema.ColumnType.ArrayType;
import io.atlas4j.schema.ColumnType.JsonType;
import io.atlas4j.schema.Comment;
import io.atlas4j.schema.Index;
import io.atlas4j.schema.IndexConstraint;
import io.atlas4j.schema.IndexInclude;
import io.atlas4j.schema.IndexPart;
import io.atlas4j.schema.IndexPredicate;
import io.atlas4j.schema.IndexType;
import io.atlas4j.schema.NullsOrder;
import io.atlas4j.schema.Table;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PostgreSQL index rules (§3.7): attributes, part attributes and default operator classes. */
class PostgresIndexRulesTest {

    private static IndexPart part(String column, Attr... attrs) {
        return new IndexPart(new IndexPart.ColumnKey(column), false, List.of(attrs));
    }

    private static IndexPart desc(String column, Attr... attrs) {
        return new IndexPart(new IndexPart.ColumnKey(column), true, List.of(attrs));
    }

    private static Index idx(List<IndexPart> parts, Attr... attrs) {
        return new Index("i", false, parts, List.of(attrs));
    }

    private static Table t(Index index) {
        return table("t", List.of(col("i8", BIGINT), col("i4", INT), col("s", TEXT), col("j", new JsonType(true)),
                col("a", new ArrayType(INT))), List.of(index), List.of());
    }

    private static OpClass ops(String name, String... params) {
        return new OpClass(name, List.of(params));
    }

    static Stream<Arguments> cases() {
        IndexConstraint exclude = new IndexConstraint(IndexConstraint.Kind.EXCLUDE);
        return Stream.of(
                Arguments.of("absent type is btree", idx(List.of(part("i8"))),
                        idx(List.of(part("i8")), new IndexType("BTREE")), List.of()),
                Arguments.of("type changed", idx(List.of(part("i8"))), idx(List.of(part("i8")), new IndexType("hash")),
                        List.of("ModifyIndex i [ATTR]")),
                Arguments.of("nulls not distinct", idx(List.of(part("i8"))),
                        idx(List.of(part("i8")), new NullsNotDistinct()), List.of("ModifyIndex i [ATTR]")),
                Arguments.of("predicate equal up to parentheses", idx(List.of(part("i8")), new IndexPredicate("active")),
                        idx(List.of(part("i8")), new IndexPredicate("(active)")), List.of()),
                Arguments.of("predicate changed", idx(List.of(part("i8")), new IndexPredicate("active")),
                        idx(List.of(part("i8")), new IndexPredicate("(active AND (s <> ''::text))")),
                        List.of("ModifyIndex i [ATTR]")),
                Arguments.of("include changed", idx(List.of(part("i8")), new IndexInclude(List.of("s"))),
                        idx(List.of(part("i8")), new IndexInclude(List.of("s", "i4"))), List.of("ModifyIndex i [ATTR]")),
                Arguments.of("empty include is no include", idx(List.of(part("i8")), new IndexInclude(List.of())),
                        idx(List.of(part("i8"))), List.of()),
                Arguments.of("default storage parameters are no parameters",
                        idx(List.of(part("i8")), new IndexType("brin")),
                        idx(List.of(part("i8")), new IndexType("brin"), new IndexStorageParams(false, 128)), List.of()),
                Arguments.of("pages per range", idx(List.of(part("i8")), new IndexType("brin")),
                        idx(List.of(part("i8")), new IndexType("brin"), new IndexStorageParams(false, 2)),
                        List.of("ModifyIndex i [ATTR]")),
                Arguments.of("unique constraint marker", idx(List.of(part("i8"))),
                        idx(List.of(part("i8")), new IndexConstraint(IndexConstraint.Kind.UNIQUE)),
                        List.of("ModifyIndex i [ATTR]")),
                Arguments.of("comment", idx(List.of(part("i8"))), idx(List.of(part("i8")), new Comment("c")),
                        List.of("ModifyIndex i [COMMENT]")),
                Arguments.of("default btree opclass added", idx(List.of(part("i8"))),
                        idx(List.of(part("i8", ops("int8_ops")))), List.of()),
                Arguments.of("default btree opclass dropped", idx(List.of(part("i4", ops("int4_ops")))),
                        idx(List.of(part("i4"))), List.of()),
                Arguments.of("default opclass with parameters", idx(List.of(part("i8"))),
                        idx(List.of(part("i8", ops("int8_ops", "signlen=1")))), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("opclass of another type is not default", idx(List.of(part("i8"))),
                        idx(List.of(part("i8", ops("int4_ops")))), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("pattern opclass", idx(List.of(part("s"))),
                        idx(List.of(part("s", ops("text_pattern_ops")))), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("brin default minmax", idx(List.of(part("i8")), new IndexType("brin")),
                        idx(List.of(part("i8", ops("int8_minmax_ops"))), new IndexType("BRIN")), List.of()),
                Arguments.of("brin bloom", idx(List.of(part("i8")), new IndexType("brin")),
                        idx(List.of(part("i8", ops("int8_bloom_ops"))), new IndexType("brin")),
                        List.of("ModifyIndex i [PARTS]")),
                Arguments.of("gin jsonb default", idx(List.of(part("j")), new IndexType("gin")),
                        idx(List.of(part("j", ops("jsonb_ops"))), new IndexType("gin")), List.of()),
                Arguments.of("gin jsonb_path_ops", idx(List.of(part("j")), new IndexType("gin")),
                        idx(List.of(part("j", ops("jsonb_path_ops"))), new IndexType("gin")),
                        List.of("ModifyIndex i [PARTS]")),
                Arguments.of("gin array default", idx(List.of(part("a")), new IndexType("gin")),
                        idx(List.of(part("a", ops("array_ops"))), new IndexType("gin")), List.of()),
                Arguments.of("same opclass params", idx(List.of(part("i8", ops("int8_minmax_multi_ops", "values_per_range=8")))),
                        idx(List.of(part("i8", ops("int8_minmax_multi_ops", "values_per_range=8")))), List.of()),
                Arguments.of("opclass params changed", idx(List.of(part("i8", ops("int8_minmax_multi_ops", "values_per_range=8")))),
                        idx(List.of(part("i8", ops("int8_minmax_multi_ops", "values_per_range=16")))),
                        List.of("ModifyIndex i [PARTS]")),
                Arguments.of("nulls first is DESC's default", idx(List.of(desc("i8"))),
                        idx(List.of(desc("i8", new NullsOrder(true)))), List.of()),
                Arguments.of("nulls first on ASC", idx(List.of(part("i8"))),
                        idx(List.of(part("i8", new NullsOrder(true)))), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("nulls last on DESC", idx(List.of(desc("i8"))),
                        idx(List.of(desc("i8", new NullsOrder(false)))), List.of("ModifyIndex i [PARTS]")),
                Arguments.of("exclude operator changed",
                        idx(List.of(part("i8", new ExcludeOperator("="))), new IndexType("gist"), exclude),
                        idx(List.of(part("i8", new ExcludeOperator("&&"))), new IndexType("gist"), exclude),
                        List.of("ModifyIndex i [PARTS]")),
                Arguments.of("exclude compares the operator, not the class",
                        idx(List.of(part("i8", new ExcludeOperator("="), ops("gist_int8_ops"))), new IndexType("gist"), exclude),
                        idx(List.of(part("i8", new ExcludeOperator("="))), new IndexType("gist"), exclude), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void indexChange(String name, Index from, Index to, List<String> expected) {
        assertThat(PgFixtures.diffTable(t(from), t(to))).containsExactlyElementsOf(expected);
    }
}
