package io.atlas4j.schema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model is plain data: it must not know about JDBC (README, Architecture). */
class SchemaArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void theModelDoesNotDependOnJdbc() {
        noClasses().that().resideInAPackage("io.atlas4j.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("the schema model is shared by inspectors, HCL and the differ; only inspectors talk JDBC")
                .check(CLASSES);
    }

    @Test
    void theModelIsImported() {
        // Guards the rule above against passing vacuously when the package is not where it is looked for.
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("io.atlas4j.schema")).isTrue();
    }
}
