package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.CoverageBoard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The director's coverage board (the day's scenes when a day is set): per scene its planned setups (coloured by the setup's status) each followed by
 * its takes (coloured by the take's status), characters x shot sizes, the before-wrap list, a chosen square's
 * evidence stills, and the address of the before-wrap report.
 */
public final class CoverageViewModel {
    /** Shot sizes from the widest to the closest (docs/coverage.md). */
    static final List<String> SIZES = List.of("EWS", "WS", "FS", "MWS", "MS", "MCU", "CU", "ECU");

    private final ConnectionViewModel connection;
    private final Async async;
    private final ObservableList<Row> scenes = FXCollections.observableArrayList();
    private final ObservableList<String> shotSizes = FXCollections.observableArrayList();
    private final ObservableList<Row> characters = FXCollections.observableArrayList();
    private final ObservableList<String> beforeWrap = FXCollections.observableArrayList();
    private final ObjectProperty<CoverageCell> chosen = new SimpleObjectProperty<>();
    private final ObservableList<Evidence> stills = FXCollections.observableArrayList();
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("Coverage board: connect to an appliance first.");
    private final ObjectProperty<Consumer<String>> browser = new SimpleObjectProperty<>();

    /** A row of the board: a scene's setup (or a character) and its squares. */
    public record Row(String name, List<CoverageCell> cells) {
    }

    public CoverageViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
        chosen.addListener((o, a, b) -> open(b));
    }

    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (c.isEmpty() || connection.productionId().isEmpty()) {
            available.set(false);
            List.of(scenes, characters).forEach(List::clear);
            List.of(shotSizes, beforeWrap).forEach(List::clear);
            message.set("Coverage board: connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().coverage(), this::show, e -> message.set(e.getMessage()));
    }

    /** Opens the before-wrap report (HTML) in the system browser, or says where it is. */
    public void openReport() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (c.isEmpty()) {
            message.set("Connect to an appliance first.");
            return;
        }
        String address = c.get().beforeWrapReport("html").toString();
        if (browser.get() == null) {
            message.set("Before-wrap report: " + address);
        } else {
            browser.get().accept(address);
            message.set("Opened the before-wrap report: " + address + " (PDF: "
                    + c.get().beforeWrapReport("pdf") + ")");
        }
    }

    /** Shows a board. */
    public void show(CoverageBoard b) {
        available.set(true);
        chosen.set(null);
        List<CoverageBoard.Scene> today = b.scenes().stream().filter(CoverageBoard.Scene::today).toList();
        CoverageBoard shown = today.isEmpty() || today.size() == b.scenes().size() ? b
                : new CoverageBoard(today, b.singleSizes(), b.beforeWrap(), b.unplaced());
        scenes.setAll(sceneRows(shown));
        shotSizes.setAll(shotSizes(shown));
        characters.setAll(characterRows(shown, shotSizes));
        beforeWrap.setAll(beforeWrap(b));
        List<CoverageBoard.Setup> planned = shown.scenes().stream().flatMap(s -> s.setups().stream()).toList();
        String which = shown == b ? "" : "Today (scene" + (today.size() == 1 ? " " : "s ") + String.join(", ",
                today.stream().map(CoverageBoard.Scene::scene).toList()) + " of " + b.scenes().size() + "): ";
        message.set(planned.isEmpty() ? "No plan: import the screenplay and the shot list (POST /api/plan/...)."
                : which + planned.size() + " planned setups: " + count(planned, "COVERED") + " covered, "
                + count(planned, "MISSING") + " missing, " + count(planned, "FLAGGED") + " flagged"
                + (b.unplaced().isEmpty() ? "." : "; placed nowhere: " + String.join(", ", b.unplaced()) + "."));
    }

    /** Per scene, per setup (planned, then unplanned): the setup's square, then a square per take. Pure. */
    public static List<Row> sceneRows(CoverageBoard b) {
        List<Row> rows = new ArrayList<>();
        for (CoverageBoard.Scene s : b.scenes()) {
            for (CoverageBoard.Setup u : s.setups()) {
                rows.add(row(s, u, u.status()));
            }
            for (CoverageBoard.Setup u : s.unplanned()) {
                rows.add(row(s, u, "FLAGGED"));
            }
        }
        return rows;
    }

    private static Row row(CoverageBoard.Scene s, CoverageBoard.Setup u, String status) {
        List<CoverageCell> cells = new ArrayList<>();
        String planned = u.shotSize().isEmpty() ? "not in the shot list" : u.shotSize();
        cells.add(new CoverageCell(u.setup(), status, u.setup() + " " + (u.shotSize().isEmpty() ? "" : u.shotSize())
                + "\n" + words(status), u.setup() + " (" + planned + (u.description().isEmpty() ? ""
                : ", " + u.description()) + "): " + words(status) + ", " + u.takes().size()
                + (u.takes().size() == 1 ? " take" : " takes"), u.takes().stream().flatMap(t -> t.still().stream())
                .toList()));
        for (CoverageBoard.Take t : u.takes()) {
            cells.add(new CoverageCell(u.setup() + " take " + t.take(), takeState(t.status()), "take " + t.take()
                    + "\n" + t.status() + (t.caveat().isEmpty() ? "" : "\n" + t.caveat()), u.setup() + " take "
                    + t.take() + " (" + t.clip() + "): " + t.status() + ", " + String.join(", ", t.notes()),
                    t.still().stream().toList()));
        }
        return new Row("Scene " + s.scene(), cells);
    }

    /** A take's colour: covered green, pending or flagged orange, unusable red. */
    static String takeState(String status) {
        return switch (status) {
            case "covered" -> "COVERED";
            case "unusable" -> "MISSING";
            default -> "FLAGGED";
        };
    }

    /** The shot sizes any character was seen at, and the sizes a single needs, widest first. Pure. */
    public static List<String> shotSizes(CoverageBoard b) {
        Set<String> seen = new HashSet<>(b.singleSizes());
        b.scenes().forEach(s -> s.characters().forEach(c -> seen.addAll(c.sizes())));
        List<String> out = new ArrayList<>(SIZES.stream().filter(seen::contains).toList());
        seen.stream().filter(x -> !SIZES.contains(x)).sorted().forEach(out::add);
        return out;
    }

    /**
     * Characters (per scene) x shot sizes: a size seen is covered; a single size is missing for a speaker without a
     * single; anything else is an empty square. Pure.
     */
    public static List<Row> characterRows(CoverageBoard b, List<String> sizes) {
        List<Row> rows = new ArrayList<>();
        for (CoverageBoard.Scene s : b.scenes()) {
            for (CoverageBoard.Character c : s.characters()) {
                List<CoverageCell> cells = new ArrayList<>();
                for (String size : sizes) {
                    boolean seen = c.sizes().contains(size);
                    boolean needed = c.speaks() && !c.hasSingle() && b.singleSizes().contains(size);
                    String state = seen ? "COVERED" : needed ? "MISSING" : "NONE";
                    cells.add(new CoverageCell(size, state, seen ? "seen" : needed ? "no single" : "-",
                            c.character() + " in scene " + s.scene() + " at " + size + ": " + (seen ? "seen"
                                    : needed ? "no single (a speaker needs one)" : "not seen"), List.of()));
                }
                rows.add(new Row(s.scene() + "  " + c.character() + (c.speaks() ? " (speaks)" : ""), cells));
            }
        }
        return rows;
    }

    /** The appliance's before-wrap sentences, each with its scene. Pure. */
    public static List<String> beforeWrap(CoverageBoard b) {
        return b.beforeWrap().stream().flatMap(w -> w.items().stream().map(i -> "Scene " + w.scene() + ": " + i))
                .toList();
    }

    static String words(String state) {
        return switch (state) {
            case "COVERED" -> "covered";
            case "MISSING" -> "missing";
            case "FLAGGED" -> "flagged";
            case "NOTHING_SHOT" -> "nothing shot";
            default -> state.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static long count(List<CoverageBoard.Setup> setups, String status) {
        return setups.stream().filter(u -> u.status().equals(status)).count();
    }

    private void open(CoverageCell cell) {
        stills.clear();
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (cell == null || c.isEmpty()) {
            return;
        }
        List<String> paths = cell.evidence().stream().filter(e -> e.startsWith("/api/")).toList();
        if (paths.isEmpty()) {
            return;
        }
        async.run(() -> Evidence.load(c.get(), paths, i -> cell.label() + (paths.size() > 1
                ? " (" + (i + 1) + " of " + paths.size() + ")" : "")), out -> {
            if (chosen.get() == cell) {
                stills.setAll(out);
            }
        }, e -> message.set(e.getMessage()));
    }

    public ObservableList<Row> scenes() {
        return scenes;
    }

    public ObservableList<String> shotSizes() {
        return shotSizes;
    }

    public ObservableList<Row> characters() {
        return characters;
    }

    public ObservableList<String> beforeWrap() {
        return beforeWrap;
    }

    /** The square one clicked: its evidence is shown. */
    public ObjectProperty<CoverageCell> chosen() {
        return chosen;
    }

    public ObservableList<Evidence> stills() {
        return stills;
    }

    public BooleanProperty available() {
        return available;
    }

    public StringProperty message() {
        return message;
    }

    /** What opens an address in the system browser (the application's HostServices); none: the address is shown. */
    public ObjectProperty<Consumer<String>> browser() {
        return browser;
    }
}
