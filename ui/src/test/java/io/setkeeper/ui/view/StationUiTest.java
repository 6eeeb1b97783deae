package io.setkeeper.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.TestAppliance;
import io.setkeeper.ui.viewmodel.Async;
import io.setkeeper.ui.viewmodel.ClipRow;
import io.setkeeper.ui.viewmodel.DetailLine;
import io.setkeeper.ui.viewmodel.StationViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The station on the headless Monocle platform against a real appliance: connect by typing, offload a generated
 * sample card and watch its bar reach 100 %, open a clip and read its timecode and slate, visit every screen by
 * keyboard, and write a screenshot of each to docs/screens.
 */
@ExtendWith(ApplicationExtension.class)
class StationUiTest {
    @TempDir
    static Path tmp;
    static TestAppliance appliance;
    static Path card;

    StationViewModel vm;
    Scene scene;
    Async async;

    @BeforeAll
    static void appliance() throws Exception {
        card = TestAppliance.sampleCard(tmp.resolve("cards"));
        appliance = new TestAppliance(tmp.resolve("data"));
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    @Start
    void start(Stage stage) {
        async = new Async(Platform::runLater);
        vm = new StationViewModel(async);
        StationView view = new StationView(vm);
        scene = new Scene(view, 1280, 800);
        view.installShortcuts(scene, vm);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void connectOffloadOpenAClipAndVisitEveryScreen(FxRobot robot) throws Exception {
        robot.clickOn("#address").write(appliance.address());
        robot.clickOn("#token").write("dit-token");
        robot.type(KeyCode.ENTER);
        waitFor(15, () -> "Connected".equals(text(robot, "#connectionState")));
        assertTrue(text(robot, "#connectMessage").contains("Production: " + TestAppliance.PRODUCTION));
        Screens.write(scene, "connect");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        robot.clickOn("#source").write(card.toString());
        robot.clickOn("#destinations").write(tmp.resolve("raid/A001") + ";" + tmp.resolve("shuttle/A001"));
        robot.type(KeyCode.TAB);
        assertEquals("cardLabel", scene.getFocusOwner().getId(), "Tab leaves the destinations box");
        assertTrue(vm.offload().destinations().get().endsWith("shuttle/A001"), "no tab typed into it");
        robot.clickOn("#startOffload");
        waitFor(15, () -> robot.lookup(".job-progress").tryQuery().isPresent());
        ProgressBar bar = robot.lookup(".job-progress").queryAs(ProgressBar.class);
        waitFor(90, () -> bar.getProgress() >= 1.0 && text(robot, ".job-verification").startsWith("Verified"));
        assertEquals("100 %", text(robot, ".job-percent"));
        assertTrue(text(robot, ".job-verification").startsWith("Verified: 4 of 4 files"),
                text(robot, ".job-verification"));
        Screens.write(scene, "offload");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<ClipRow> clips = robot.lookup("#clips").queryTableView();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (clips.getItems().size() < 3 && System.nanoTime() < until) {
            robot.push(KeyCode.F5);
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        }
        assertEquals(3, clips.getItems().size());
        robot.clickOn(cellWithText(robot, "C001"));
        TableView<DetailLine> detail = robot.lookup("#clipDetail").queryTableView();
        waitFor(10, () -> detail.getItems().stream().anyMatch(l -> l.label().equals("Timecode")));
        DetailLine tc = detail.getItems().stream().filter(l -> l.label().equals("Timecode")).findFirst()
                .orElseThrow();
        assertTrue(tc.value().startsWith("14:02:10:00"), tc.value());
        assertTrue(detail.getItems().contains(new DetailLine("Scene", "5")), detail.getItems().toString());
        assertTrue(detail.getItems().contains(new DetailLine("Setup", "5A")), detail.getItems().toString());
        assertTrue(robot.lookup(".table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                "14:02:10:00".equals(c.getText())).tryQuery().isPresent(), "timecode shown in the table");
        Screens.write(scene, "dailies");

        KeyCode[] keys = {KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7};
        String[] names = {"flags", "coverage", "fixes", "model-sync"};
        String[] ids = {"#feature-FLAGS", "#feature-COVERAGE", "#feature-FIXES", "#feature-MODEL_SYNC"};
        for (int i = 0; i < keys.length; i++) {
            robot.push(KeyCode.CONTROL, keys[i]);
            String id = ids[i];
            waitFor(10, () -> text(robot, id).contains("not available from this appliance yet")
                    || text(robot, id).contains("cannot show it yet"));
            Screens.write(scene, names[i]);
        }

        offloadABigCardWhileWatching(robot);

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        robot.push(KeyCode.CONTROL, KeyCode.L);
        assertTrue(vm.largeType().get());
        assertTrue(scene.getRoot().getStyleClass().contains("large"));
        Path large = Screens.write(scene, "dailies-large");
        assertTrue(Files.size(large) > 10_000, "a real picture, not an empty file");
    }

    /**
     * A second, larger card (one 192 MB file) so the screen is seen mid-offload with rate and time left; the
     * screenshot is taken if the poll catches it running, the job must reach 100 % either way.
     */
    private void offloadABigCardWhileWatching(FxRobot robot) throws Exception {
        Path big = tmp.resolve("cards/B001");
        Files.createDirectories(big);
        byte[] block = new byte[1 << 20];
        new java.util.Random(7).nextBytes(block);
        try (var out = Files.newOutputStream(big.resolve("B001C001.bin"))) {
            for (int i = 0; i < 192; i++) {
                block[0] = (byte) i;
                out.write(block);
            }
        }
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        robot.clickOn("#source").push(KeyCode.CONTROL, KeyCode.A).write(big.toString());
        robot.clickOn("#destinations").push(KeyCode.CONTROL, KeyCode.A).write(tmp.resolve("raid/B001") + ";"
                + tmp.resolve("shuttle/B001"));
        robot.clickOn("#startOffload");
        waitFor(15, () -> robot.lookup(".job-progress").queryAll().size() == 2);
        ProgressBar bar = robot.lookup(".job-progress").queryAs(ProgressBar.class);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bar.getProgress() > 0.02
                    && bar.getProgress() < 0.9 && !text(robot, ".job-status").isEmpty());
            Screens.write(scene, "offload-running");
        } catch (java.util.concurrent.TimeoutException missed) {
            System.err.println("offload finished before the screen was caught mid-way: no running screenshot");
        }
        waitFor(120, () -> bar.getProgress() >= 1.0 && text(robot, ".job-verification").startsWith("Verified"));
        assertTrue(text(robot, ".job-verification").startsWith("Verified: 1 of 1 files"),
                text(robot, ".job-verification"));
    }

    private static javafx.scene.Node cellWithText(FxRobot robot, String part) {
        return robot.lookup(".table-cell").match((javafx.scene.control.TableCell<?, ?> c) ->
                c.getText() != null && c.getText().contains(part)).query();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    }
}
