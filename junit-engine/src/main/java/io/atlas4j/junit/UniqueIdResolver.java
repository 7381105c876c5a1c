package io.atlas4j.junit;

import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.selectors;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import io.atlas4j.testdsl.TestKind;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Maps a unique id back to the file and case it names ({@code [engine:atlas4j]/[file:<uri>]/[schema:<name>]/[example:<key>]}),
 * which is what an IDE's "run again" sends.
 */
final class UniqueIdResolver implements SelectorResolver {

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.getEngineId().equals(Optional.of(Constants.ENGINE_ID))) {
            return unresolved();
        }
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2 || segments.size() > 4 || !segments.get(1).getType().equals(TestFileDescriptor.SEGMENT_TYPE)) {
            return unresolved();
        }
        URI uri;
        try {
            uri = URI.create(segments.get(1).getValue());
        } catch (IllegalArgumentException e) {
            return unresolved();
        }
        String resource = "classpath".equals(uri.getScheme()) ? TestFiles.classpathResourceName(uri) : null;
        TestFileSelector file = TestFileSelector.of(uri, TestFiles.baseName(uri), resource);
        if (segments.size() == 2) {
            return selectors(Set.of(file));
        }
        Optional<TestKind> kind = Arrays.stream(TestKind.values())
                .filter(k -> k.label().equals(segments.get(2).getType()))
                .findFirst();
        if (kind.isEmpty()) {
            return unresolved();
        }
        String example = null;
        if (segments.size() == 4) {
            if (!segments.get(3).getType().equals(CaseExampleDescriptor.SEGMENT_TYPE)) {
                return unresolved();
            }
            example = segments.get(3).getValue();
        }
        return selectors(Set.of(new TestCaseSelector(file, kind.get(), segments.get(2).getValue(), example)));
    }
}
