package io.atlas4j.testdsl;

/** The kind of a {@code test} block: its first label. */
public enum TestKind {
    /** {@code test "schema"}: starts from the desired schema. */
    SCHEMA("schema"),
    /** {@code test "migrate"}: starts from an empty database and moves with {@code migrate} steps. */
    MIGRATE("migrate");

    private final String label;

    TestKind(String label) {
        this.label = label;
    }

    /** The HCL label and unique-id segment type: {@code schema} or {@code migrate}. */
    public String label() {
        return label;
    }
}
