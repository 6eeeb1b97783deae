package io.setkeeper.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.client.UpcomingJson;
import io.setkeeper.ui.viewmodel.Async;
import io.setkeeper.ui.viewmodel.StationViewModel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The flags inbox and coverage board drawn from the JSON fixtures written from issue 8's text (no appliance serves
 * those APIs yet; see fixtures/README.md): the flags table and the coloured board, reached by keyboard, and their
 * screenshots {@code flags-fixture.png} and {@code coverage-fixture.png}, labelled as fixtures in docs/ui.md.
 */
@ExtendWith(ApplicationExtension.class)
class FixtureScreensTest {
    StationViewModel vm;
    Scene scene;

    @Start
    void start(Stage stage) {
        vm = new StationViewModel(new Async(Platform::runLater));
        StationView view = new StationView(vm);
        scene = new Scene(view, 1280, 800);
        view.installShortcuts(scene, vm);
        stage.setScene(scene);
        stage.show();
    }

    private static String fixture(String name) throws Exception {
        try (InputStream in = FixtureScreensTest.class.getResourceAsStream("/io/setkeeper/ui/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void flagsAndCoverageFromTheIssueFixtures(FxRobot robot) throws Exception {
        var flags = UpcomingJson.flags(fixture("flags.json"));
        var board = UpcomingJson.coverage(fixture("coverage.json"));
        robot.interact(() -> {
            vm.flags().show(Optional.of(flags), "absent");
            vm.coverage().show(Optional.of(board), "absent");
        });
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        TableView<?> table = robot.lookup("#flags").queryTableView();
        assertEquals(2, table.getItems().size());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        assertTrue(robot.lookup("#flagApprove").queryButton().isDisabled(), "no user token: no decision");
        assertEquals("2 flags, 1 open.", robot.lookup("#flagsMessage").queryAs(Label.class).getText());
        Screens.write(scene, "flags-fixture");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        var missing = robot.lookup(".cell-MISSING").queryAllAs(Button.class);
        assertEquals(3, missing.size(), "5C and two characters' shot sizes");
        robot.interact(() -> robot.lookup(".cell-FLAGGED").queryButton().fire());
        assertTrue(robot.lookup("#coverageChosen").queryAs(Label.class).getText().startsWith("5B: 5B takes 1"),
                robot.lookup("#coverageChosen").queryAs(Label.class).getText());
        Screens.write(scene, "coverage-fixture");
    }
}
