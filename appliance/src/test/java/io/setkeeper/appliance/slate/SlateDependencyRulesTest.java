package io.setkeeper.appliance.slate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Sidecar reading is pure Java: no JavaCV, no ONNX Runtime, no JDBC, no web framework; timecode needs only the JDK. */
class SlateDependencyRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.setkeeper.appliance.slate", "io.setkeeper.protocol.timecode");

    @Test
    void slateUsesNoHeavyParts() {
        noClasses().that().resideInAPackage("io.setkeeper.appliance.slate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "ai.onnxruntime..", "java.sql..",
                        "io.helidon..", "org.eclipse.paho..")
                .check(CLASSES);
    }

    @Test
    void timecodeDependsOnTheJdkAndJsonOnly() {
        classes().that().resideInAPackage("io.setkeeper.protocol.timecode..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.json..",
                        "io.setkeeper.protocol.timecode..")
                .check(CLASSES);
    }
}
