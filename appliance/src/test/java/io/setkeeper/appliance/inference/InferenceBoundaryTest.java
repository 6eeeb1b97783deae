package io.setkeeper.appliance.inference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the inference package may touch ONNX Runtime; perception must not reach the decoder (JavaCV) either. */
class InferenceBoundaryTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.setkeeper.appliance");

    @Test
    void onlyInferenceImportsOnnxRuntime() {
        noClasses().that().resideOutsideOfPackage("io.setkeeper.appliance.inference..")
                .should().dependOnClassesThat().resideInAPackage("ai.onnxruntime..")
                .check(MAIN);
    }

    @Test
    void analysisDoesNotImportJavaCv() {
        noClasses().that().resideInAPackage("io.setkeeper.appliance.analysis..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .check(MAIN);
    }
}
