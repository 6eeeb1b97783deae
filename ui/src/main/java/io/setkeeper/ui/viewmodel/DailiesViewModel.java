package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApplianceClient;
import io.setkeeper.ui.client.CardInfo;
import io.setkeeper.ui.client.Clip;
import io.setkeeper.ui.client.ClipAnalysis;
import io.setkeeper.ui.client.ClipDetail;
import io.setkeeper.ui.client.Finding;
import io.setkeeper.ui.client.Prediction;
import java.util.ArrayList;
import java.util.HashMap;
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
import javafx.collections.ObservableMap;

/**
 * The Dailies screen: the production's clips with thumbnail (the analysis' representative still), QC badge, slate,
 * status, timecode, frame rate and frame size, filtered by card and scene; the clip page: contact sheet, QC findings
 * with their evidence stills and timecodes, faces and characters found, probe data and slate disagreements.
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
    private final ObservableMap<Long, byte[]> thumbnails = FXCollections.observableHashMap();
    private final ObjectProperty<byte[]> contactSheet = new SimpleObjectProperty<>();
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<String> people = FXCollections.observableArrayList();
    private final StringProperty analysis = new SimpleStringProperty("");

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
        record Answer(List<CardInfo> cards, List<Clip> clips, Map<Long, List<Finding>> findings) {
        }
        return async.run(() -> new Answer(c.get().cards(production.get()), c.get().clips(production.get()),
                c.get().findings(production.get()).stream().collect(Collectors.groupingBy(Finding::clip))), a -> {
            Map<String, String> labels = a.cards().stream().collect(Collectors.toMap(CardInfo::id,
                    CardInfo::label, (x, y) -> x));
            all = a.clips().stream().map(cl -> ClipRow.of(cl, labels.getOrDefault(cl.card(), cl.card()))
                    .withFindings(a.findings().getOrDefault(cl.id(), List.of()))).toList();
            loadThumbnails(c.get(), all);
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
            contactSheet.set(null);
            findings.clear();
            people.clear();
            analysis.set("");
            return CompletableFuture.completedFuture(null);
        }
        record Page(ClipDetail detail, Optional<ClipAnalysis> analysis, Optional<byte[]> sheet,
                    List<FindingRow> findings, Optional<Prediction> prediction) {
        }
        return async.run(() -> {
            ApplianceClient client = c.get();
            ClipDetail d = client.clip(row.id());
            Optional<ClipAnalysis> a = client.analysis(row.id());
            Optional<byte[]> sheet = a.filter(x -> x.has("contact-sheet.jpg")).isPresent()
                    ? client.still(row.id(), "contact-sheet.jpg") : Optional.empty();
            List<FindingRow> rows = new ArrayList<>();
            Map<String, Optional<byte[]>> stills = new HashMap<>();
            for (Finding f : client.findings(row.id())) {
                Optional<byte[]> still = f.still().isEmpty() ? Optional.empty()
                        : stills.computeIfAbsent(f.still().get(), p -> {
                            try {
                                return client.image(p);
                            } catch (io.setkeeper.ui.client.ApiException e) {
                                return Optional.empty();
                            }
                        });
                rows.add(FindingRow.of(f, still));
            }
            return new Page(d, a, sheet, rows, client.prediction(d.clip().fileName()));
        }, p -> {
            detail.set(p.detail());
            lines.setAll(ClipDetails.lines(p.detail()));
            disagreements.setAll(p.detail().clip().slate().disagreements());
            contactSheet.set(p.sheet().orElse(null));
            findings.setAll(p.findings());
            people.setAll(People.lines(p.prediction(), p.analysis()));
            analysis.set(p.analysis().map(People::analysisState).orElse("Not analysed yet."));
        }, e -> message.set(e.getMessage()));
    }

    /** Fetches each clip's representative still (the appliance writes it when the clip is analysed). */
    private void loadThumbnails(ApplianceClient client, List<ClipRow> rows) {
        for (ClipRow r : rows) {
            if (thumbnails.containsKey(r.id())) {
                continue;
            }
            async.run(() -> client.still(r.id(), "representative.jpg"), b -> b.ifPresent(x -> thumbnails.put(r.id(), x)),
                    e -> { });
        }
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

    /** Representative stills (JPEG bytes) by clip id. */
    public ObservableMap<Long, byte[]> thumbnails() {
        return thumbnails;
    }

    /** The open clip's contact sheet (JPEG bytes), or null. */
    public ObjectProperty<byte[]> contactSheet() {
        return contactSheet;
    }

    public ObservableList<FindingRow> findings() {
        return findings;
    }

    /** The faces and characters found in the open clip, as lines. */
    public ObservableList<String> people() {
        return people;
    }

    /** The open clip's analysis state in words. */
    public StringProperty analysis() {
        return analysis;
    }
}
