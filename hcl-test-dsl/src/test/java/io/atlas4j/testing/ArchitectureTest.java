package io.atlas4j.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dependency rules of this module (README, Architecture), checked on its own compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void theRuntimeKnowsNoFrontEndAndNoDialect() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "picocli..", "org.testcontainers..", "io.zonky..", "io.atlas4j.junit..", "io.atlas4j.cli..", "io.atlas4j.dialect.sqlite..", "io.atlas4j.dialect.postgres..", "io.atlas4j.dialect.mysql..")
                .because("one runtime serves both front ends and finds dialects through the registry")
                .check(CLASSES);
    }
}
