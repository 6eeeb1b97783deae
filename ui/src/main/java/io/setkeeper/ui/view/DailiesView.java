package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.ClipRow;
import io.setkeeper.ui.viewmodel.DailiesViewModel;
import io.setkeeper.ui.viewmodel.DetailLine;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Dailies screen: the clip table with slate and probe summary, the selected clip's detail beside it. */
public final class DailiesView extends VBox {
    private static final double LARGE = 22.0 / 14.0;

    /** The screen; {@code large} widens the columns with the large type. */
    public DailiesView(DailiesViewModel vm, javafx.beans.property.BooleanProperty large) {
        setSpacing(12);
        setPadding(new Insets(24));
        Label title = new Label("Dailies");
        title.getStyleClass().add("title");

        ComboBox<String> card = new ComboBox<>(vm.cards());
        card.setId("cardFilter");
        card.valueProperty().bindBidirectional(vm.card());
        TextField scene = new TextField();
        scene.setId("sceneFilter");
        scene.setPromptText("scene or setup, e.g. 5 or 5A");
        scene.textProperty().bindBidirectional(vm.scene());
        Button reload = new Button("_Reload");
        reload.setOnAction(e -> vm.refresh());
        HBox filters = new HBox(12, new Label("Card"), card, new Label("Scene"), scene, reload);

        TableView<ClipRow> table = new TableView<>(vm.clips());
        table.setId("clips");
        table.setPlaceholder(new Label("No clips yet: offload a card and its clips appear here."));
        TableColumn<ClipRow, ClipRow> thumb = new TableColumn<>("");
        thumb.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue()));
        thumb.setCellFactory(c -> new ThumbnailCell(vm));
        thumb.setPrefWidth(112);
        thumb.setSortable(false);
        table.getColumns().add(thumb);
        TableColumn<ClipRow, String> qc = column("QC", ClipRow::qc, 150);
        qc.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("qc-WARNING", "qc-ERROR", "qc-ok");
                ClipRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || r == null ? null : v.isEmpty() ? "ok" : v);
                if (r != null && !empty) {
                    getStyleClass().add(r.qcSeverity().isEmpty() ? "qc-ok" : "qc-" + r.qcSeverity());
                }
            }
        });
        table.getColumns().addAll(java.util.List.of(column("File", ClipRow::file, 150), qc,
                column("Card", ClipRow::card, 70),
                column("Scene", ClipRow::scene, 60), column("Setup", ClipRow::setup, 60),
                column("Take", ClipRow::take, 45), column("Circled", ClipRow::circled, 70),
                column("Status", ClipRow::status, 90), column("Timecode", ClipRow::timecode, 110),
                column("fps", ClipRow::fps, 70), column("Frame size", ClipRow::frameSize, 110),
                column("Length", ClipRow::duration, 70)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ClipRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("disagrees");
                if (!empty && r != null && r.disagrees()) {
                    getStyleClass().add("disagrees");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.open(b));

        Label detailTitle = new Label("Clip");
        detailTitle.getStyleClass().add("subtitle");
        vm.detail().addListener((o, a, d) -> detailTitle.setText(d == null ? "Clip" : d.clip().fileName()));
        TableView<DetailLine> detail = new TableView<>(vm.lines());
        detail.setId("clipDetail");
        detail.setPlaceholder(new Label("Choose a clip (arrow keys in the table)."));
        detail.getColumns().addAll(java.util.List.of(column("", DetailLine::label, 170),
                column("", DetailLine::value, 330)));
        detail.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label disagreeTitle = new Label("Slate disagreements");
        ListView<String> disagreements = new ListView<>(vm.disagreements());
        disagreements.setId("disagreements");
        disagreements.setPrefHeight(90);
        disagreements.setPlaceholder(new Label("The slate sources agree."));
        detail.setPrefHeight(300);
        detail.setMinHeight(200);

        Label analysisState = new Label();
        analysisState.setId("analysisState");
        analysisState.getStyleClass().add("muted");
        analysisState.textProperty().bind(vm.analysis());
        javafx.scene.image.ImageView sheet = Stills.view(440);
        sheet.setId("contactSheet");
        vm.contactSheet().addListener((o, a, b) -> sheet.setImage(Stills.image(b, 880)));
        Label findingsTitle = new Label("QC findings");
        findingsTitle.getStyleClass().add("subtitle");
        VBox findingBox = new VBox(8);
        findingBox.setId("findings");
        vm.findings().addListener((javafx.collections.ListChangeListener<io.setkeeper.ui.viewmodel.FindingRow>) ch ->
                findingBox.getChildren().setAll(findings(vm)));
        Label peopleTitle = new Label("Faces and characters");
        peopleTitle.getStyleClass().add("subtitle");
        VBox peopleBox = new VBox(4);
        peopleBox.setId("people");
        vm.people().addListener((javafx.collections.ListChangeListener<String>) ch -> peopleBox.getChildren()
                .setAll(vm.people().stream().map(Label::new).toList()));
        VBox page = new VBox(10, detailTitle, analysisState, sheet, findingsTitle, findingBox, peopleTitle, peopleBox,
                new Label("Probe and slate"), detail, disagreeTitle, disagreements);
        page.setPadding(new Insets(0, 12, 0, 4));
        javafx.scene.control.ScrollPane side = new javafx.scene.control.ScrollPane(page);
        side.setId("clipPage");
        side.setFitToWidth(true);
        scaleWith(large, table, detail);

        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label message = new Label();
        message.setId("dailiesMessage");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, filters, split, message);
    }

    /** The open clip's findings, "No QC findings." for a clip without, nothing without a clip. */
    private static java.util.List<javafx.scene.Node> findings(DailiesViewModel vm) {
        if (!vm.findings().isEmpty()) {
            return vm.findings().stream().map(DailiesView::finding).toList();
        }
        return vm.detail().get() == null ? java.util.List.of() : java.util.List.of(new Label("No QC findings."));
    }

    /** One finding: its evidence still beside what, where, the sentence and the numbers. */
    private static javafx.scene.Node finding(io.setkeeper.ui.viewmodel.FindingRow f) {
        Label what = new Label(f.what() + " (" + f.severity().toLowerCase(java.util.Locale.ROOT) + ")");
        what.getStyleClass().addAll("finding-title", "qc-" + f.severity());
        what.setWrapText(true);
        Label where = new Label(f.where());
        where.setWrapText(true);
        Label message = new Label(f.message());
        message.setWrapText(true);
        Label numbers = new Label(f.numbers());
        numbers.getStyleClass().add("muted");
        numbers.setWrapText(true);
        VBox text = new VBox(2, what, where, message, numbers);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10);
        row.getStyleClass().add("finding");
        f.still().ifPresent(b -> {
            javafx.scene.image.ImageView still = Stills.view(200);
            still.setImage(Stills.image(b, 400));
            row.getChildren().add(still);
        });
        row.getChildren().add(text);
        return row;
    }

    /** The clip's representative still, as the appliance sends it once the clip is analysed. */
    private static final class ThumbnailCell extends javafx.scene.control.TableCell<ClipRow, ClipRow> {
        private final DailiesViewModel vm;
        private final javafx.scene.image.ImageView view = Stills.view(96);
        private ClipRow row;

        ThumbnailCell(DailiesViewModel vm) {
            this.vm = vm;
            vm.thumbnails().addListener((javafx.collections.MapChangeListener<Long, byte[]>) ch -> {
                if (row != null && ch.getKey() == row.id()) {
                    show();
                }
            });
        }

        @Override
        protected void updateItem(ClipRow r, boolean empty) {
            super.updateItem(r, empty);
            row = empty ? null : r;
            show();
        }

        private void show() {
            byte[] b = row == null ? null : vm.thumbnails().get(row.id());
            view.setImage(b == null ? null : Stills.image(b, 192));
            setGraphic(b == null ? null : view);
            setText(null);
        }
    }

    private static void scaleWith(javafx.beans.property.BooleanProperty large, TableView<?>... tables) {
        java.util.Map<TableColumn<?, ?>, Double> base = new java.util.HashMap<>();
        for (TableView<?> t : tables) {
            t.getColumns().forEach(c -> base.put(c, c.getPrefWidth()));
        }
        Runnable apply = () -> base.forEach((c, w) -> c.setPrefWidth(large.get() ? w * LARGE : w));
        large.addListener((o, a, b) -> apply.run());
        apply.run();
    }

    private static <R> TableColumn<R, String> column(String name, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
