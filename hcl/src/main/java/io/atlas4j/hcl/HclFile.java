package io.atlas4j.hcl;

import java.net.URI;
import java.util.Objects;

/**
 * A parsed HCL file.
 *
 * @param uri the file the text came from; every range in the tree refers to it
 * @param body the top-level attributes and blocks
 */
public record HclFile(URI uri, Body body) {

    public HclFile {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
    }
}
