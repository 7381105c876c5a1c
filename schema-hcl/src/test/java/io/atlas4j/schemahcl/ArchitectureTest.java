package io.atlas4j.schemahcl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dependency rules of this module, checked on its own compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void theGenericCodecKnowsNoDialect() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.atlas4j.dialect..", "io.atlas4j.testdsl..",
                        "io.atlas4j.testing..", "io.atlas4j.config..", "java.sql..", "org.junit..")
                .because("dialects plug in through HclDialect; the codec reads and writes the neutral model only")
                .check(CLASSES);
    }
}
