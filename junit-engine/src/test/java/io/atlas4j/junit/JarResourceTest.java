package io.atlas4j.junit;

import static io.atlas4j.junit.EngineKit.PASSING;
import static io.atlas4j.junit.EngineKit.discover;
import static io.atlas4j.junit.EngineKit.find;
import static io.atlas4j.junit.EngineKit.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUri;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.UriSource;

/** Test files inside a jar on the class path: read through the class loader, named by resource. */
class JarResourceTest {

    private static final String RESOURCE = "jarred/in-jar.test.hcl";

    @TempDir
    Path temp;

    private Path jar;
    private ClassLoader previous;
    private URLClassLoader loader;

    @BeforeEach
    void putAJarOnTheClassPath() throws IOException {
        jar = temp.resolve("tests.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("jarred/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry(RESOURCE));
            out.write(Files.readAllBytes(PASSING));
            out.closeEntry();
        }
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
    }

    @AfterEach
    void restore() throws IOException {
        Thread.currentThread().setContextClassLoader(previous);
        loader.close();
    }

    @Test
    void aClasspathResourceInAJarIsReadThroughTheClassLoader() {
        TestDescriptor engine = discover(selectClasspathResource(RESOURCE)).getEngineDescriptor();

        assertThat(tree(engine)).containsExactly(RESOURCE, "  select_one", "  insert_user");
        assertThat(find(engine, RESOURCE).getUniqueId().getSegments().get(1).getValue()).isEqualTo("classpath:/" + RESOURCE);
        assertThat(find(engine, "insert_user").getSource())
                .contains(ClasspathResourceSource.from(RESOURCE, FilePosition.from(10, 1)));
    }

    @Test
    void aPackageInAJarIsScanned() {
        assertThat(tree(discover(selectPackage("jarred")).getEngineDescriptor()))
                .containsExactly(RESOURCE, "  select_one", "  insert_user");
    }

    @Test
    void itsUniqueIdsRoundTrip() {
        Supplier<TestDescriptor> first = () -> discover(selectClasspathResource(RESOURCE)).getEngineDescriptor();
        UniqueId id = find(first.get(), "insert_user").getUniqueId();

        TestDescriptor again = discover(selectUniqueId(id)).getEngineDescriptor();

        assertThat(tree(again)).containsExactly("in-jar.test.hcl", "  insert_user");
        assertThat(find(again, "insert_user").getUniqueId()).isEqualTo(id);
    }

    @Test
    void aJarUriIsReadAsAUrl() {
        String uri = "jar:" + jar.toUri() + "!/" + RESOURCE;

        TestDescriptor engine = discover(selectUri(uri + "?line=4")).getEngineDescriptor();

        assertThat(tree(engine)).containsExactly("in-jar.test.hcl", "  select_one");
        assertThat(find(engine, "in-jar.test.hcl").getSource()).contains(UriSource.from(java.net.URI.create(uri)));
    }
}
