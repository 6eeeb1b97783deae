package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.CardInfo;
import io.setkeeper.ui.client.Clip;
import io.setkeeper.ui.client.ClipDetail;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Dailies screen: the production's clips with slate, status, timecode, frame rate and frame size, filtered by
 * card and scene; the selected clip's probe data and the places its slate sources disagree.
 */
public final class DailiesViewModel {
    public static final String ALL_CARDS = "All cards";

    private final ConnectionViewModel connection;
    private final Async async;
    private List<ClipRow> all = List.of();
    private final ObservableList<ClipRow> clips = FXCollections.observableArrayList();
    private final ObservableList<String> cards = FXCollections.observableArrayList(ALL_CARDS);
    private final StringProperty card = new SimpleStringProperty(ALL_CARDS);
    private final StringProperty scene = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<ClipDetail> detail = new SimpleObjectProperty<>();
    private final ObservableList<DetailLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> disagreements = FXCollections.observableArrayList();

    public DailiesViewModel(ConnectionViewModel connection, Async async) {
        this.connection = connection;
        this.async = async;
        card.addListener((o, a, b) -> filter());
        scene.addListener((o, a, b) -> filter());
    }

    /** Reloads the production's cards and clips. */
    public CompletableFuture<Void> refresh() {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        Optional<String> production = connection.productionId();
        if (c.isEmpty() || production.isEmpty()) {
            all = List.of();
            filter();
            return CompletableFuture.completedFuture(null);
        }
        record Answer(List<CardInfo> cards, List<Clip> clips) {
        }
        return async.run(() -> new Answer(c.get().cards(production.get()), c.get().clips(production.get())), a -> {
            Map<String, String> labels = a.cards().stream().collect(Collectors.toMap(CardInfo::id,
                    CardInfo::label, (x, y) -> x));
            all = a.clips().stream().map(cl -> ClipRow.of(cl, labels.getOrDefault(cl.card(), cl.card()))).toList();
            String keep = card.get();
            cards.setAll(ALL_CARDS);
            all.stream().map(ClipRow::card).distinct().sorted().forEach(cards::add);
            card.set(cards.contains(keep) ? keep : ALL_CARDS);
            filter();
            message.set(all.isEmpty() ? "No clips yet: offload a card and its clips appear here."
                    : Formats.count(all.size(), "clip") + " on " + Formats.count(cards.size() - 1, "card") + ".");
        }, e -> message.set(e.getMessage()));
    }

    /** Opens one clip: its probe data and slate in the detail pane. */
    public CompletableFuture<Void> open(ClipRow row) {
        Optional<ApplianceClient> c = Optional.ofNullable(connection.client().get());
        if (row == null || c.isEmpty()) {
            detail.set(null);
            lines.clear();
            disagreements.clear();
            return CompletableFuture.completedFuture(null);
        }
        return async.run(() -> c.get().clip(row.id()), d -> {
            detail.set(d);
            lines.setAll(ClipDetails.lines(d));
            disagreements.setAll(d.clip().slate().disagreements());
        }, e -> message.set(e.getMessage()));
    }

    private void filter() {
        String sc = scene.get() == null ? "" : scene.get().strip().toLowerCase(Locale.ROOT);
        clips.setAll(all.stream().filter(r -> ALL_CARDS.equals(card.get()) || r.card().equals(card.get()))
                .filter(r -> sc.isEmpty() || r.scene().toLowerCase(Locale.ROOT).equals(sc)
                        || r.setup().toLowerCase(Locale.ROOT).equals(sc)).toList());
    }

    public ObservableList<ClipRow> clips() {
        return clips;
    }

    public ObservableList<String> cards() {
        return cards;
    }

    public StringProperty card() {
        return card;
    }

    public StringProperty scene() {
        return scene;
    }

    public StringProperty message() {
        return message;
    }

    public ObjectProperty<ClipDetail> detail() {
        return detail;
    }

    public ObservableList<DetailLine> lines() {
        return lines;
    }

    public ObservableList<String> disagreements() {
        return disagreements;
    }
}
