package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.ModelSyncViewModel;
import io.setkeeper.ui.viewmodel.PredictionRow;
import io.setkeeper.ui.viewmodel.VersionRow;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Model and sync screen: model state and metrics, the versions (lineage, active), cutting a version, the
 * predictions per clip; beside them what the outbox holds for post.
 */
public final class ModelSyncView extends VBox {
    public ModelSyncView(ModelSyncViewModel vm) {
        setSpacing(10);
        setPadding(new Insets(24));
        Label title = new Label("Model and sync");
        title.getStyleClass().add("title");

        TableView<io.setkeeper.ui.viewmodel.DetailLine> model = Tables.lines("modelState", vm.model(),
                "Connect to see the production model.");
        TableView<io.setkeeper.ui.viewmodel.DetailLine> sync = Tables.lines("syncState", vm.sync(),
                "Connect to see what reached post.");
        TableView<VersionRow> versions = new TableView<>(vm.versions());
        versions.setId("modelVersions");
        versions.setPlaceholder(new Label("No version cut yet."));
        versions.getColumns().addAll(java.util.List.of(Tables.column("Version", VersionRow::id, 90),
                Tables.column("Parent", VersionRow::parent, 90), Tables.column("Cut at", VersionRow::created, 190),
                Tables.column("Reason", VersionRow::reason, 230), Tables.column("", VersionRow::active, 70),
                Tables.column("heads.onnx", VersionRow::onnx, 130)));
        TableView<PredictionRow> predictions = new TableView<>(vm.predictions());
        predictions.setId("predictions");
        predictions.setPlaceholder(new Label("No clip learned yet."));
        predictions.getColumns().addAll(java.util.List.of(Tables.column("Clip", PredictionRow::clip, 140),
                Tables.column("People", PredictionRow::people, 240), Tables.column("Looks like", PredictionRow::setup, 120),
                Tables.column("Slate", PredictionRow::slate, 70),
                Tables.column("Disagreement", PredictionRow::disagreement, 150)));

        TextField reason = new TextField();
        reason.setId("cutReason");
        reason.setPromptText("why, e.g. end of card A001");
        reason.textProperty().bindBidirectional(vm.cutReason());
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button cut = new Button("_Cut a version");
        cut.setId("cutVersion");
        cut.disableProperty().bind(vm.canCut().not());
        cut.setOnAction(e -> vm.cut());
        Label who = new Label();
        who.getStyleClass().add("muted");
        who.setWrapText(true);
        who.textProperty().bind(vm.decider().who());
        Label reasonLabel = new Label("Reason");
        reasonLabel.setLabelFor(reason);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        grid.add(subtitle("Production model"), 0, 0);
        grid.add(subtitle("Sync: what reached post"), 1, 0);
        grid.add(model, 0, 1);
        grid.add(sync, 1, 1);
        grid.add(subtitle("Versions"), 0, 2, 2, 1);
        grid.add(versions, 0, 3, 2, 1);
        grid.add(new HBox(10, reasonLabel, reason, cut), 0, 4, 2, 1);
        grid.add(who, 0, 5, 2, 1);
        grid.add(subtitle("Per clip"), 0, 6, 2, 1);
        grid.add(predictions, 0, 7, 2, 1);
        var half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        for (TableView<?> t : java.util.List.of(model, sync)) {
            t.setMinHeight(190);
            t.setPrefHeight(190);
        }
        versions.setMinHeight(120);
        versions.setPrefHeight(120);
        predictions.setMinHeight(120);
        GridPane.setVgrow(predictions, Priority.ALWAYS);
        VBox.setVgrow(grid, Priority.ALWAYS);

        Label message = new Label();
        message.setId("modelMessage");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, grid, message);
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subtitle");
        return l;
    }
}
