package io.atlas4j.testdsl;

/**
 * What a running case knows about itself: the HCL {@code self} object (alias {@code testing}).
 *
 * @param devUrl the concrete URL of the database the case runs against
 * @param name the full case name ({@code seed/2})
 * @param file the absolute path (or URI) of the test file
 */
public record CaseScope(String devUrl, String name, String file) {

    /** The {@code self.dev_url} used to evaluate steps before a database is known (load-time checks). */
    public static final String PLACEHOLDER_DEV_URL = "sqlite://atlas4j-placeholder?mode=memory";

    /** A scope for evaluating a case's steps before it runs. */
    public static CaseScope placeholder(String name, String file) {
        return new CaseScope(PLACEHOLDER_DEV_URL, name, file);
    }
}
