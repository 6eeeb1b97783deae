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
        table.getColumns().addAll(java.util.List.of(column("File", ClipRow::file, 230), column("Card", ClipRow::card, 70),
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
        VBox side = new VBox(8, detailTitle, detail, disagreeTitle, disagreements);
        scaleWith(large, table, detail);
        VBox.setVgrow(detail, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.64);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label message = new Label();
        message.setId("dailiesMessage");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, filters, split, message);
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
