package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.CoverageCell;
import io.setkeeper.ui.viewmodel.CoverageViewModel;
import io.setkeeper.ui.viewmodel.FixesViewModel;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The director's coverage board: per scene each planned setup then its takes, and characters x shot sizes, as
 * coloured squares (buttons: Tab and Space reach them, a click or Space opens the evidence stills), the before-wrap
 * list, and a button (Alt+B) that opens the before-wrap report in the system browser.
 */
public final class CoverageView extends VBox {
    public CoverageView(CoverageViewModel vm) {
        setSpacing(12);
        setPadding(new Insets(24));
        Label title = new Label("Coverage board");
        title.getStyleClass().add("title");
        Label message = new Label();
        message.setId("coverageMessage");
        message.getStyleClass().add("placeholder");
        message.textProperty().bind(vm.message());

        GridPane scenes = new GridPane();
        scenes.setId("coverageScenes");
        GridPane characters = new GridPane();
        characters.setId("coverageCharacters");
        for (GridPane g : List.of(scenes, characters)) {
            g.setHgap(6);
            g.setVgap(6);
        }
        Runnable draw = () -> {
            fill(scenes, List.of(), vm.scenes(), vm);
            fill(characters, vm.shotSizes(), vm.characters(), vm);
        };
        vm.scenes().addListener((ListChangeListener<CoverageViewModel.Row>) ch -> draw.run());
        vm.characters().addListener((ListChangeListener<CoverageViewModel.Row>) ch -> draw.run());

        ListView<String> wrap = new ListView<>(vm.beforeWrap());
        wrap.setId("beforeWrap");
        wrap.setPlaceholder(new Label("Nothing left before wrap."));
        wrap.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        wrap.setPrefHeight(160);
        HBox evidence = new HBox(12);
        evidence.setId("coverageEvidence");
        Stills.follow(vm.stills(), evidence, 400);
        Label chosen = new Label();
        chosen.setId("coverageChosen");
        chosen.setWrapText(true);
        chosen.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        vm.chosen().addListener((o, a, c) -> chosen.setText(c == null ? "" : c.detail()));
        Button report = new Button("Open the _before-wrap report");
        report.setId("openReport");
        report.setMnemonicParsing(true);
        report.setOnAction(e -> vm.openReport());
        report.disableProperty().bind(vm.available().not());

        VBox board = new VBox(10, subtitle("Scenes x planned setups x takes"), scenes,
                subtitle("Characters x shot sizes"), characters);
        board.setPadding(new Insets(0, 0, 12, 0));
        ScrollPane scroll = new ScrollPane(board);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox side = new VBox(10, subtitle("Before wrap"), wrap, chosen, evidence);
        side.setPrefWidth(440);
        side.setMinWidth(360);
        wrap.setPrefHeight(220);
        HBox body = new HBox(16, scroll, side);
        body.visibleProperty().bind(vm.available());
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(new HBox(16, title, report), message, body);
    }

    private static void fill(GridPane grid, List<String> header, List<CoverageViewModel.Row> rows,
                             CoverageViewModel vm) {
        grid.getChildren().clear();
        for (int c = 0; c < header.size(); c++) {
            Label h = new Label(header.get(c));
            h.getStyleClass().add("board-head");
            grid.add(h, c + 1, 0);
        }
        int top = header.isEmpty() ? 0 : 1;
        String previous = null;
        for (int r = 0; r < rows.size(); r++) {
            String rowName = rows.get(r).name();
            Label name = new Label(rowName.equals(previous) ? "" : rowName);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            previous = rowName;
            name.getStyleClass().add("board-head");
            grid.add(name, 0, r + top);
            List<CoverageCell> cells = rows.get(r).cells();
            HBox line = new HBox(6);
            for (int c = 0; c < cells.size(); c++) {
                CoverageCell cell = cells.get(c);
                Button b = new Button(cell.text());
                b.setMnemonicParsing(false); // the text is data: DUPLICATE_FRAMES keeps its underscore
                b.getStyleClass().addAll("board-cell", "cell-" + cell.state());
                b.setOnAction(e -> vm.chosen().set(cell));
                if (header.isEmpty()) {
                    line.getChildren().add(b);
                } else {
                    grid.add(b, c + 1, r + top);
                }
            }
            if (header.isEmpty()) {
                grid.add(line, 1, r + top);
            }
        }
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subtitle");
        return l;
    }
}
