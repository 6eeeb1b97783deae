package io.setkeeper.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.ui.TestAppliance;
import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.FixInfo;
import io.setkeeper.ui.viewmodel.CoverageCell;
import io.setkeeper.ui.viewmodel.CoverageViewModel;
import io.setkeeper.ui.viewmodel.Evidence;
import io.setkeeper.ui.viewmodel.FlagRow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The station on the headless Monocle platform against a real appliance, on real footage: connect by typing (as a
 * DIT), offload a card of four real clips with the production's ALE and watch its bar reach 100 %, see the
 * analysis' thumbnails and QC badges, open a clip with a QC finding and see its evidence still, contact sheet and
 * slate, approve a proposed fix and find the decision in the appliance's audit log, see that a viewer may not
 * decide, visit every screen by keyboard, and write a screenshot of each to docs/screens.
 */
@ExtendWith(ApplicationExtension.class)
class StationUiDataTest {
    /** Two takes of 5B (take 1 circled with a QC finding, take 3 clean and circled) and two of 5C (A001.ale). */
    static final String[] CLIPS = {"again.mkv", "no.mkv", "milk.mkv", "please.mkv"};

    @TempDir
    static Path tmp;
    static TestAppliance appliance;
    static Path card;

    StationViewModel vm;
    Scene scene;
    String ditToken;
    Async async;

    @BeforeAll
    static void appliance() throws Exception {
        card = TestAppliance.realCard(tmp.resolve("cards"), CLIPS);
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
        ditToken = appliance.token("Ana", "DIT");
        robot.clickOn("#token").write(ditToken);
        robot.type(KeyCode.ENTER);
        waitFor(15, () -> "Connected".equals(text(robot, "#connectionState"))
                && text(robot, "#connectMessage").contains("Production: " + TestAppliance.PRODUCTION));
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
        assertTrue(text(robot, ".job-verification").startsWith("Verified: 5 of 5 files"),
                text(robot, ".job-verification"));
        Screens.write(scene, "offload");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        TableView<ClipRow> clips = robot.lookup("#clips").queryTableView();
        // the analysis writes each clip's stills and findings in the background: reload until all four are seen
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while ((clips.getItems().size() < CLIPS.length || vm.dailies().thumbnails().size() < CLIPS.length
                || clips.getItems().stream().noneMatch(r -> r.qc().contains("duplicate frames")))
                && System.nanoTime() < until) {
            robot.push(KeyCode.F5);
            WaitForAsyncUtils.sleep(1000, TimeUnit.MILLISECONDS);
        }
        assertEquals(CLIPS.length, clips.getItems().size());
        assertEquals(CLIPS.length, vm.dailies().thumbnails().size(), "a representative still per clip");
        ClipRow again = clips.getItems().stream().filter(r -> r.file().equals("again.mkv")).findFirst().orElseThrow();
        assertEquals("5", again.scene(), "slate from the card's ALE");
        assertEquals("5B", again.setup());
        assertEquals("1", again.take());
        assertTrue(again.qc().contains("duplicate frames"), again.qc());
        assertEquals("WARNING", again.qcSeverity());
        // chosen through the table's selection (rows grow as thumbnails arrive, so a click could land on another)
        robot.interact(() -> {
            clips.requestFocus();
            clips.getSelectionModel().select(again);
        });
        TableView<DetailLine> detail = robot.lookup("#clipDetail").queryTableView();
        try {
            waitFor(20, () -> detail.getItems().contains(new DetailLine("Setup", "5B"))
                    && vm.dailies().contactSheet().get() != null && !vm.dailies().findings().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("clip page incomplete: detail " + detail.getItems() + ", sheet "
                    + (vm.dailies().contactSheet().get() != null) + ", findings " + vm.dailies().findings()
                    + ", analysis '" + vm.dailies().analysis().get() + "', message '" + vm.dailies().message().get()
                    + "'", e);
        }
        var finding = vm.dailies().findings().getFirst();
        assertEquals("duplicate frames", finding.what());
        assertTrue(finding.still().isPresent(), "the finding's evidence still");
        // the asl clips carry no timecode (the ALE's start is not applied to the file): frame and time instead
        assertTrue(finding.where().matches("(\\d\\d:\\d\\d:\\d\\d:\\d\\d|frames? \\d+).*\\d+.*"),
                "where: " + finding.where());
        waitFor(5, () -> robot.lookup(".finding").tryQuery().isPresent());
        waitFor(5, () -> text(robot, "#analysisState").startsWith("Analysed"));
        Screens.write(scene, "dailies");

        approveAFixAsDit(robot, again, clips.getItems());

        // the real takes raise no continuity flag: the inbox says so, it shows nothing made up
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        waitFor(10, () -> text(robot, "#flagsMessage").startsWith("No flags"));
        assertTrue(vm.flags().flags().isEmpty());
        Screens.write(scene, "flags");
        decideAFlag(robot);

        coverageBoard(robot);

        modelAndSync(robot);

        offloadABigCardWhileWatching(robot);

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        robot.push(KeyCode.CONTROL, KeyCode.L);
        // the reconnects reloaded the table: choose the clip again by keyboard (first row, then down to milk.mkv)
        robot.interact(() -> clips.requestFocus());
        robot.push(KeyCode.HOME);
        int milk = clips.getItems().stream().map(ClipRow::file).toList().indexOf("milk.mkv");
        for (int i = 0; i < milk; i++) {
            robot.push(KeyCode.DOWN);
        }
        waitFor(20, () -> vm.dailies().detail().get() != null
                && vm.dailies().detail().get().clip().fileName().equals("milk.mkv")
                && !vm.dailies().findings().isEmpty() && vm.dailies().contactSheet().get() != null);
        assertTrue(vm.largeType().get());
        assertTrue(scene.getRoot().getStyleClass().contains("large"));
        Path large = Screens.write(scene, "dailies-large");
        assertTrue(Files.size(large) > 10_000, "a real picture, not an empty file");
    }

    /**
     * A second, larger card (one 64 MB file) so the screen is seen mid-offload with rate and time left; the
     * screenshot is taken if the poll catches it running, the job must reach 100 % either way.
     */
    private void offloadABigCardWhileWatching(FxRobot robot) throws Exception {
        Path big = tmp.resolve("cards/B001");
        Files.createDirectories(big);
        byte[] block = new byte[1 << 20];
        new java.util.Random(7).nextBytes(block);
        try (var out = Files.newOutputStream(big.resolve("B001C001.bin"))) {
            for (int i = 0; i < 64; i++) {
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

    /**
     * A CDL fix for the clip (matched to please.mkv) is proposed through the appliance's {@code POST
     * /api/clips/{id}/fixes}, which reads both clips and writes before/after stills; the DIT
     * chooses it on the Fixes screen, types a reason and approves; the appliance's audit log then holds the decision
     * with the user, role and reason. Reconnected with a viewer's token, the buttons are off and say why.
     */
    private void approveAFixAsDit(FxRobot robot, ClipRow clip, List<ClipRow> clips) throws Exception {
        long reference = clips.stream().filter(r -> r.file().equals("please.mkv")).findFirst().orElseThrow().id();
        FixInfo proposed;
        try (ApplianceClient client = ApplianceClient.of(appliance.address(), ditToken)) {
            proposed = client.proposeFix(clip.id(), "{\"kind\":\"cdl\",\"reference\":\"clip:" + reference + "\"}");
        }
        assertEquals("cdl", proposed.kind());
        String fixId = proposed.id();
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT6);
        robot.push(KeyCode.F5);
        TableView<io.setkeeper.ui.viewmodel.FixRow> fixes = robot.lookup("#fixes").queryTableView();
        waitFor(10, () -> fixes.getItems().size() == 1);
        assertTrue(robot.lookup("#fixApprove").queryButton().isDisabled(), "no fix chosen, no reason: off");
        robot.clickOn(cellWithText(robot, fixId));
        waitFor(10, () -> vm.fixes().evidence().size() == 2);
        assertEquals(List.of("before", "after"), vm.fixes().evidence().stream().map(Evidence::label).toList());
        waitFor(10, () -> text(robot, "#fixHint").startsWith("Write the reason"));
        assertTrue(robot.lookup("#fixApprove").queryButton().isDisabled(), "no reason yet: off");
        robot.clickOn("#fixReason").write("matches take 2 after the grade");
        assertTrue(vm.fixes().numbers().stream().anyMatch(l -> l.label().equals("cdl.slope")
                && l.value().split(", ").length == 3), vm.fixes().numbers().toString());
        Screens.write(scene, "fixes");
        robot.clickOn("#fixApprove");
        waitFor(10, () -> fixes.getItems().size() == 1 && fixes.getItems().getFirst().status().equals("approved")
                && text(robot, "#fixesMessage").contains("recorded in the audit log"));
        var audit = appliance.review().audit();
        assertEquals(1, audit.size(), audit.toString());
        var d = audit.getFirst();
        assertEquals(fixId, d.subjectId());
        assertEquals("APPROVE", d.decision().name());
        assertEquals("Ana", d.decidedBy());
        assertEquals("DIT", d.role().name());
        assertEquals("matches take 2 after the grade", d.reason());
        assertTrue(appliance.review().verify().ok(), "the audit chain verifies");
        Screens.write(scene, "fixes-approved");

        // a viewer sees the decision controls off, and why
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        robot.clickOn("#token").push(KeyCode.CONTROL, KeyCode.A).write(appliance.token("Vic", "VIEWER"));
        robot.type(KeyCode.ENTER);
        waitFor(15, () -> "Connected".equals(text(robot, "#connectionState")));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT6);
        waitFor(10, () -> text(robot, "#fixHint").startsWith("Vic is a viewer"));
        robot.clickOn("#fixReason").write("looks fine");
        assertTrue(robot.lookup("#fixReject").queryButton().isDisabled(), "a viewer may not decide");
        robot.clickOn("#token");
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        robot.clickOn("#token").push(KeyCode.CONTROL, KeyCode.A).write(appliance.token("Ana B", "DIT"));
        robot.type(KeyCode.ENTER);
        waitFor(15, () -> "Connected".equals(text(robot, "#connectionState")));
    }

    /**
     * A flag raised by the appliance's flag service (from facts built by the test: two takes of a setup 9A whose
     * files state 25 and 30 fps) arrives in the open inbox without a refresh; the DIT chooses it, writes a reason
     * and approves it; its state changes when the stream's {@code decided} event comes back.
     */
    private static FlagRow row(TableView<FlagRow> flags, String id) {
        return flags.getItems().stream().filter(r -> r.flag().id().equals(id)).findFirst().orElseThrow();
    }

    private void decideAFlag(FxRobot robot) throws Exception {
        List<String> raised = appliance.raiseFrameRateMismatch();
        assertEquals(1, raised.size());
        TableView<FlagRow> flags = robot.lookup("#flags").queryTableView();
        // coverage flags of the imported plan may be in the inbox too: find this one by its id
        waitFor(10, () -> flags.getItems().stream().anyMatch(r -> r.flag().id().equals(raised.getFirst())));
        robot.clickOn(cellWithText(robot, raised.getFirst()));
        waitFor(10, () -> vm.flags().evidence().size() == 1);
        robot.clickOn("#flagReason").write("B camera was set to 30 fps, tell the camera team");
        robot.clickOn("#flagApprove");
        // the state comes back with the stream's "decided" event (which also reloads the inbox and its message)
        waitFor(10, () -> row(flags, raised.getFirst()).flag().state().equals("APPROVE"));
        assertEquals("approved: a real problem", row(flags, raised.getFirst()).state());
        var d = appliance.review().audit().getLast();
        assertEquals(raised.getFirst(), d.subjectId());
        assertEquals("FLAG", d.subjectType().name());
        robot.interact(() -> flags.getSelectionModel().select(row(flags, raised.getFirst())));
        waitFor(10, () -> vm.flags().numbers().stream().anyMatch(l -> l.label().equals("Decided by")));
        Screens.write(scene, "flags-decided");
    }

    /**
     * The screenplay and the shot list imported through the appliance's API (day: scene 5): the board shows scene 5
     * with 5B and 5C flagged (every circled take has a repeated frame: the asl recordings repeat about one frame in
     * 13, which QC on the decoder's exact luma plane finds) and 5A, 5G missing (not shot), the takes coloured, a
     * take's still one click away, characters x shot sizes, the before-wrap list, and the report opened in the browser.
     */
    private void coverageBoard(FxRobot robot) throws Exception {
        Path production = Path.of(System.getenv().getOrDefault("SETKEEPER_DATA", "/work/shared/data"))
                .resolve("production");
        assertEquals(201, post("/api/plan/screenplay?file=the-signing-room.fountain",
                Files.readAllBytes(production.resolve("the-signing-room.fountain"))).statusCode());
        assertEquals(201, post("/api/plan/shotlist?file=shotlist.csv",
                Files.readAllBytes(production.resolve("shotlist.csv"))).statusCode());
        assertEquals(200, post("/api/plan/day", "5".getBytes()).statusCode() / 100 * 100);
        List<String> opened = new java.util.ArrayList<>();
        vm.coverage().browser().set(opened::add);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!boardSettled() && System.nanoTime() < until) {
            robot.push(KeyCode.F5);
            WaitForAsyncUtils.sleep(1000, TimeUnit.MILLISECONDS);
        }
        assertEquals("FLAGGED", state("5B"), vm.coverage().scenes().toString());
        assertEquals("FLAGGED", state("5C"), vm.coverage().scenes().toString());
        assertTrue(row("5C").cells().stream().skip(1).anyMatch(c -> c.text().contains("DUPLICATE_FRAMES")),
                "the board says why: " + row("5C").cells());
        assertEquals("MISSING", state("5A"));
        assertEquals("MISSING", state("5G"));
        CoverageViewModel.Row b = row("5B");
        assertEquals("Scene 5", b.name());
        assertEquals(List.of("5B take 1", "5B take 3"), b.cells().stream().skip(1).map(CoverageCell::label).toList());
        assertEquals("FLAGGED", b.cells().get(1).state(), "take 1: circled with a QC finding");
        assertEquals(1, row("5A").cells().size(), "no take of the master");
        assertTrue(vm.coverage().beforeWrap().stream().anyMatch(w -> w.startsWith("Scene 5: 5A")),
                vm.coverage().beforeWrap().toString());
        assertTrue(vm.coverage().beforeWrap().stream().anyMatch(w -> w.startsWith("Scene 5: 5G")),
                vm.coverage().beforeWrap().toString());
        assertTrue(!vm.coverage().characters().isEmpty() && !vm.coverage().shotSizes().isEmpty(),
                "characters x shot sizes");
        // a take's square opens its still
        robot.interact(() -> robot.lookup(".board-cell").match((javafx.scene.control.Button x) ->
                x.getText().startsWith("take 3")).queryButton().fire());
        waitFor(10, () -> vm.coverage().stills().size() == 1);
        assertTrue(text(robot, "#coverageChosen").startsWith("5B take 3 (no.mkv)"), text(robot, "#coverageChosen"));
        Screens.write(scene, "coverage");
        // the before-wrap report: the address the browser gets is the appliance's HTML report of the board
        robot.clickOn("#openReport");
        assertEquals(1, opened.size());
        HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(opened
                .getFirst())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("5A") && report.body().contains("<html"), "the HTML report");
    }

    private CoverageViewModel.Row row(String setup) {
        return vm.coverage().scenes().stream().filter(r -> r.cells().getFirst().label().equals(setup)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + setup + " in " + vm.coverage().scenes()));
    }

    /** 5B and 5C flagged with every take's QC done (a take still being analysed shows as pending), 5A missing. */
    private boolean boardSettled() {
        if (!(state("5B").equals("FLAGGED") && state("5C").equals("FLAGGED") && state("5A").equals("MISSING"))) {
            return false;
        }
        for (String setup : List.of("5B", "5C")) {
            var takes = vm.coverage().scenes().stream().filter(r -> r.cells().getFirst().label().equals(setup))
                    .flatMap(r -> r.cells().stream().skip(1)).toList();
            if (takes.size() < 2 || takes.stream().anyMatch(c -> c.detail().contains("pending"))) {
                return false;
            }
        }
        return true;
    }

    private String state(String setup) {
        return vm.coverage().scenes().stream().filter(r -> r.cells().getFirst().label().equals(setup))
                .map(r -> r.cells().getFirst().state()).findFirst().orElse("");
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + appliance.address()
                + path)).header("Authorization", "Bearer " + ditToken).POST(HttpRequest.BodyPublishers
                .ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The model learned the card's clips and cut a version at its end; the DIT cuts another with a reason: it is
     * listed with the first as its parent and becomes the active one. The outbox shows what waits for post.
     */
    private void modelAndSync(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7);
        TableView<io.setkeeper.ui.viewmodel.VersionRow> versions = robot.lookup("#modelVersions").queryTableView();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((versions.getItems().isEmpty() || vm.modelSync().predictions().size() < CLIPS.length)
                && System.nanoTime() < until) {
            robot.push(KeyCode.F5);
            WaitForAsyncUtils.sleep(1000, TimeUnit.MILLISECONDS);
        }
        assertTrue(!versions.getItems().isEmpty(), "a version cut at the end of card A001");
        assertEquals(CLIPS.length, vm.modelSync().predictions().size(), "a prediction per learned clip");
        String first = versions.getItems().getLast().id();
        int before = versions.getItems().size();
        robot.clickOn("#cutReason").write("after the 5B grade");
        robot.clickOn("#cutVersion");
        waitFor(15, () -> versions.getItems().size() == before + 1);
        var cut = versions.getItems().stream().filter(v -> v.reason().equals("after the 5B grade")).findFirst()
                .orElseThrow();
        assertEquals("active", cut.active());
        assertTrue(versions.getItems().stream().anyMatch(v -> v.id().equals(cut.parent())), "its parent is listed: "
                + cut.parent() + " (first " + first + ")");
        assertTrue(vm.modelSync().sync().stream().anyMatch(l -> l.label().equals("Queued")),
                vm.modelSync().sync().toString());
        Screens.write(scene, "model-sync");
    }

    /** The table cell showing {@code part}, once the table has drawn it. */
    private static javafx.scene.Node cellWithText(FxRobot robot, String part) throws Exception {
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> find = () -> robot.lookup(".table-cell")
                .match((javafx.scene.control.TableCell<?, ?> c) -> c.getText() != null && c.getText().contains(part))
                .tryQuery();
        waitFor(10, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static void waitFor(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    }
}
