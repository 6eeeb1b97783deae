package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.CoverageBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The director's coverage board: per scene its planned setups coloured covered / missing / flagged with their
 * takes; characters x shot sizes; the before-wrap list; a chosen square's evidence (clips, stills). When the
 * appliance does not serve coverage (404) it says so and shows nothing made up.
 */
public final class CoverageViewModel {
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

    /** A row of the board: a scene (or a character) and its squares. */
    public record Row(String name, List<CoverageCell> cells) {
    }

    public CoverageViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
        chosen.addListener((o, a, b) -> open(b));
    }

    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        Optional<String> production = connection.productionId();
        if (c.isEmpty() || production.isEmpty()) {
            show(Optional.empty(), "Coverage board: connect to an appliance first.");
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().coverage(production.get()), b -> show(b,
                "Coverage board: not available from this appliance yet (it answers 404 on /api/coverage)."),
                e -> message.set(e.getMessage()));
    }

    /** Shows a board, or (empty) that the appliance does not serve one. */
    public void show(Optional<CoverageBoard> board, String whenAbsent) {
        available.set(board.isPresent());
        chosen.set(null);
        if (board.isEmpty()) {
            scenes.clear();
            shotSizes.clear();
            characters.clear();
            beforeWrap.clear();
            message.set(whenAbsent);
            return;
        }
        CoverageBoard b = board.get();
        scenes.setAll(sceneRows(b));
        shotSizes.setAll(b.shotSizes());
        characters.setAll(characterRows(b));
        beforeWrap.setAll(beforeWrap(b));
        long missing = scenes.stream().flatMap(r -> r.cells().stream()).filter(x -> x.state().equals("MISSING"))
                .count();
        long flagged = scenes.stream().flatMap(r -> r.cells().stream()).filter(x -> x.state().equals("FLAGGED"))
                .count();
        long total = scenes.stream().mapToLong(r -> r.cells().size()).sum();
        message.set(total + " planned setups: " + (total - missing - flagged) + " covered, " + missing
                + " missing, " + flagged + " flagged.");
    }

    /** Scenes x planned setups, each square with its takes. Pure. */
    public static List<Row> sceneRows(CoverageBoard b) {
        return b.scenes().stream().map(s -> new Row("Scene " + s.scene(), s.setups().stream()
                .map(u -> new CoverageCell(u.setup(), u.state(), u.setup() + "\n" + (u.takes().isEmpty()
                        ? "no take" : "takes " + String.join(", ", u.takes())) + "\n" + words(u.state()),
                        u.evidence())).toList())).toList();
    }

    /** Characters x shot sizes. Pure. */
    public static List<Row> characterRows(CoverageBoard b) {
        return b.characters().stream().map(c -> {
            List<CoverageCell> cells = new ArrayList<>();
            for (int i = 0; i < b.shotSizes().size(); i++) {
                String state = i < c.states().size() ? c.states().get(i) : "MISSING";
                cells.add(new CoverageCell(b.shotSizes().get(i), state, words(state), List.of()));
            }
            return new Row(c.character(), cells);
        }).toList();
    }

    /** The appliance's before-wrap list; without one, every missing or flagged setup in words. Pure. */
    public static List<String> beforeWrap(CoverageBoard b) {
        if (!b.beforeWrap().isEmpty()) {
            return b.beforeWrap();
        }
        List<String> out = new ArrayList<>();
        b.scenes().forEach(s -> s.setups().stream().filter(u -> !u.state().equals("COVERED"))
                .forEach(u -> out.add("Scene " + s.scene() + ", setup " + u.setup() + ": " + words(u.state()))));
        return out;
    }

    static String words(String state) {
        return switch (state) {
            case "COVERED" -> "covered";
            case "MISSING" -> "missing";
            case "FLAGGED" -> "flagged";
            default -> state.toLowerCase(java.util.Locale.ROOT);
        };
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
        async.run(() -> Evidence.load(c.get(), paths, i -> cell.label()), out -> {
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
}
