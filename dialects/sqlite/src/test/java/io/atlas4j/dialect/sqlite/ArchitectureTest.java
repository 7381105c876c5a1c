package io.atlas4j.dialect.sqlite;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dependency rules of this module (README, Architecture), checked on its own compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void aDialectDependsOnTheEngineOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.atlas4j.hcl..", "io.atlas4j.testdsl..", "io.atlas4j.testing..", "io.atlas4j.config..", "io.atlas4j.dialect.postgres..", "io.atlas4j.dialect.mysql..", "org.junit..")
                .because("dialects never depend on each other or on the test DSL")
                .check(CLASSES);
    }

    @Test
    void onlyTheHclPackageUsesSchemaHcl() {
        noClasses().that().resideOutsideOfPackage("io.atlas4j.dialect.sqlite.hcl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.atlas4j.hcl..", "io.atlas4j.schemahcl..")
                .because("the HCL schema codec lives in the driver's hcl package, as Atlas's sqlspec does")
                .check(CLASSES);
    }
}
