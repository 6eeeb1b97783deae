package io.setkeeper.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The station's layering (MVVM): only {@code client} talks HTTP and JSON; view models know no scene graph; views
 * never call the client; nothing of the station's main code depends on the appliance.
 */
class LayeringTest {
    static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.setkeeper.ui");
    }

    @Test
    void onlyTheClientTalksHttpAndJson() {
        noClasses().that().resideOutsideOfPackage("io.setkeeper.ui.client..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "jakarta.json..")
                .check(main);
    }

    @Test
    void viewModelsKnowNoSceneGraph() {
        noClasses().that().resideInAPackage("io.setkeeper.ui.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "io.setkeeper.ui.view..")
                .check(main);
    }

    @Test
    void viewsNeverCallTheClient() {
        noClasses().that().resideInAPackage("io.setkeeper.ui.view..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.setkeeper.ui.client.ApplianceClient")
                .check(main);
    }

    @Test
    void theStationNeverDependsOnTheAppliance() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.setkeeper.appliance..",
                "io.setkeeper.sync..").check(main);
    }
}
