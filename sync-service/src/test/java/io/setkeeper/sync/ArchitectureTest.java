package io.setkeeper.sync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The sync-service's layering: one package per outside library, no dependency on the other deployables. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.setkeeper.sync");
    }

    @Test
    void onlyStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("..sync.store..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.h2..", "org.postgresql..").check(classes);
    }

    @Test
    void onlyMqttImportsPaho() {
        noClasses().that().resideOutsideOfPackage("..sync.mqtt..").should().dependOnClassesThat()
                .resideInAPackage("org.eclipse.paho..").check(classes);
    }

    @Test
    void neverDependsOnTheApplianceOrTheUi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.setkeeper.appliance..", "io.setkeeper.ui..")
                .check(classes);
    }
}
