package io.atlas4j.testdsl;

/**
 * What a running case knows about itself: the HCL {@code self} object (alias {@code testing}).
 *
 * @param devUrl the concrete URL of the database the case runs against
 * @param name the full case name ({@code seed/2})
 * @param file the absolute path (or URI) of the test file
 */
public record CaseScope(String devUrl, String name, String file) {
}
