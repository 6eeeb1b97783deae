package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.JobViewModel;
import io.setkeeper.ui.viewmodel.OffloadViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Cards and offload screen: the start form on top, the jobs with live progress below. */
public final class OffloadView extends VBox {
    private final VBox jobs = new VBox(10);

    public OffloadView(OffloadViewModel vm) {
        setSpacing(12);
        setPadding(new Insets(24));
        Label title = new Label("Cards and offload");
        title.getStyleClass().add("title");

        TextField source = new TextField();
        source.setId("source");
        source.setPromptText("/media/A001 (the card's folder)");
        source.textProperty().bindBidirectional(vm.source());
        TextArea dests = new TextArea();
        dests.setId("destinations");
        dests.setPromptText("one destination a line: /raid/A001, /mnt/shuttle/A001");
        dests.setPrefRowCount(2);
        dests.textProperty().bindBidirectional(vm.destinations());
        dests.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                dests.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true,
                        false, false));
            }
        });
        TextField card = new TextField();
        card.setId("cardLabel");
        card.setPromptText("default: the folder's name");
        card.textProperty().bindBidirectional(vm.card());
        ComboBox<String> algorithm = new ComboBox<>();
        algorithm.getItems().setAll(OffloadViewModel.ALGORITHMS);
        algorithm.valueProperty().bindBidirectional(vm.algorithm());
        Button start = new Button("_Start offload");
        start.setId("startOffload");
        start.setOnAction(e -> vm.start());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(8);
        form.addRow(0, new Label("Card folder"), source);
        form.addRow(1, new Label("Destinations"), dests);
        form.addRow(2, new Label("Card label"), new HBox(12, card, new Label("Checksum"), algorithm, start));
        GridPane.setHgrow(source, Priority.ALWAYS);
        source.setPrefColumnCount(40);

        Label message = new Label();
        message.setId("offloadMessage");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());

        jobs.setId("jobs");
        ScrollPane scroll = new ScrollPane(jobs);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        vm.jobs().addListener((ListChangeListener<JobViewModel>) c -> rebuild(vm));
        rebuild(vm);
        getChildren().addAll(title, form, message, scroll);
    }

    private void rebuild(OffloadViewModel vm) {
        jobs.getChildren().setAll(vm.jobs().stream().map(JobPane::new).toList());
        if (vm.jobs().isEmpty()) {
            Label none = new Label("No offloads yet.");
            none.getStyleClass().add("muted");
            jobs.getChildren().add(none);
        }
    }
}
