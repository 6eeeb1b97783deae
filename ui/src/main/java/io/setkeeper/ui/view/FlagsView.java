package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.FixesViewModel;
import io.setkeeper.ui.viewmodel.FlagRow;
import io.setkeeper.ui.viewmodel.FlagsViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Flags inbox: flags as they arrive, the chosen one's evidence side by side, its numbers, the decision. */
public final class FlagsView extends VBox {
    public FlagsView(FlagsViewModel vm) {
        setSpacing(12);
        setPadding(new Insets(24));
        Label title = new Label("Flags inbox");
        title.getStyleClass().add("title");
        Label message = new Label();
        message.setId("flagsMessage");
        message.getStyleClass().add("placeholder");
        message.textProperty().bind(vm.message());

        TableView<FlagRow> table = new TableView<>(vm.flags());
        table.setId("flags");
        table.setPlaceholder(new Label("No flags."));
        table.getColumns().addAll(java.util.List.of(Tables.column("Flag", FlagRow::id, 140),
                Tables.column("Kind", FlagRow::kind, 140), Tables.column("Scene", FlagRow::scene, 70),
                Tables.column("Clips", FlagRow::clips, 130), Tables.column("State", FlagRow::state, 170),
                Tables.column("Why", FlagRow::summary, 300)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected().set(b));

        HBox stills = new HBox(12);
        stills.setId("flagStills");
        Stills.follow(vm.evidence(), stills, 520);
        TableView<io.setkeeper.ui.viewmodel.DetailLine> numbers = Tables.lines("flagNumbers", vm.numbers(),
                "Choose a flag (arrow keys in the list).");
        VBox.setVgrow(numbers, Priority.ALWAYS);
        VBox side = new VBox(10, stills, numbers, new DecisionBar("flag", vm.decider(), vm.canDecide(),
                vm.decider().who(), vm::decide));
        side.setPadding(new Insets(0, 0, 0, 8));
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        split.visibleProperty().bind(vm.available());
        split.managedProperty().bind(vm.available());
        getChildren().addAll(title, message, split);
    }
}
