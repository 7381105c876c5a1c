package io.atlas4j.testdsl;

import java.net.URI;
import java.util.List;

/**
 * A loaded {@code *.test.hcl} file.
 *
 * @param uri where it was read from ({@code file:} or {@code classpath:})
 * @param cases its cases in source order, {@code for_each} rows expanded
 */
public record TestFile(URI uri, List<TestCase> cases) {

    public TestFile {
        cases = List.copyOf(cases);
    }

    /** The base name, as Atlas prints it in log and error lines. */
    public String fileName() {
        String p = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
