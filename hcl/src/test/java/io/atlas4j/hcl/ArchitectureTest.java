package io.atlas4j.hcl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dependency rules of this module (README, Architecture), checked on its own compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void hclKnowsNothingOfTestsOrDatabases() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.atlas4j.testdsl..", "io.atlas4j.testing..", "io.atlas4j.config..", "io.atlas4j.dialect..", "io.atlas4j.dev..", "io.atlas4j.sql..", "java.sql..", "org.junit..", "picocli..")
                .because("the HCL layer will serve dialects (schema HCL) too, so it may use only source positions and errors")
                .check(CLASSES);
    }
}
