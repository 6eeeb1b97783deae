package io.setkeeper.appliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md: one package per outside library, no module depending on another deployable. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.setkeeper.appliance");
    }

    @Test
    void onlyMediaImportsJavaCv() {
        noClasses().that().resideOutsideOfPackage("..appliance.media..").should().dependOnClassesThat()
                .resideInAPackage("org.bytedeco..").check(classes);
    }

    @Test
    void onlyInferenceImportsOnnxRuntime() {
        noClasses().that().resideOutsideOfPackage("..appliance.inference..").should().dependOnClassesThat()
                .resideInAPackage("ai.onnxruntime..").check(classes);
    }

    @Test
    void onlyStoreUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("..appliance.store..").should().dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "org.h2..").check(classes);
    }

    @Test
    void onlyTheMqttOutboxImportsPaho() {
        noClasses().that().resideOutsideOfPackage("..appliance.outbox.mqtt..").should().dependOnClassesThat()
                .resideInAPackage("org.eclipse.paho..").check(classes);
    }

    @Test
    void onlyWebAndTheWiringUseHelidonWebServer() {
        noClasses().that().resideOutsideOfPackages("..appliance.web..", "..appliance.observe..")
                .and().doNotHaveSimpleName("Appliance").should().dependOnClassesThat()
                .resideInAPackage("io.helidon.webserver..").check(classes);
    }

    @Test
    void theApplianceNeverDependsOnTheOtherDeployables() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.setkeeper.sync..", "io.setkeeper.ui..")
                .check(classes);
    }

    @Test
    void domainPackagesDoNotReachIntoTheWebLayer() {
        noClasses().that().resideOutsideOfPackages("..appliance.web..").and().doNotHaveSimpleName("Appliance")
                .should().dependOnClassesThat().resideInAPackage("..appliance.web..").check(classes);
    }
}
