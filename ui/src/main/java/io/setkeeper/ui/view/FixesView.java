package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.FixRow;
import io.setkeeper.ui.viewmodel.FixesViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Fixes screen: the proposed fixes, the chosen one's before / after (stills, else its numbers) and the
 * decision: a reason and approve / reject / accept as creative intent, off (with why) for a role that may not decide.
 */
public final class FixesView extends VBox {
    public FixesView(FixesViewModel vm) {
        setSpacing(12);
        setPadding(new Insets(24));
        Label title = new Label("Fixes");
        title.getStyleClass().add("title");

        TableView<FixRow> table = new TableView<>(vm.fixes());
        table.setId("fixes");
        table.setPlaceholder(new Label("No fixes proposed yet."));
        table.getColumns().addAll(java.util.List.of(Tables.column("Fix", FixRow::id, 130),
                Tables.column("Kind", FixRow::kind, 90), Tables.column("Clip", FixRow::clip, 120),
                Tables.column("Shot", FixRow::shot, 120), Tables.column("Verdict", FixRow::verdict, 130),
                Tables.column("Status", FixRow::status, 120), Tables.column("Reason", FixRow::reason, 260)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected().set(b));
        vm.selected().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });

        HBox stills = new HBox(12);
        stills.setId("fixStills");
        Stills.follow(vm.evidence(), stills, 300);
        TableView<io.setkeeper.ui.viewmodel.DetailLine> numbers = Tables.lines("fixNumbers", vm.numbers(),
                "Choose a fix (arrow keys in the list).");
        VBox.setVgrow(numbers, Priority.ALWAYS);

        VBox side = new VBox(10, stills, numbers, new DecisionBar("fix", vm.decider(), vm.canDecide(), vm.hint(),
                vm::decide));
        side.setPadding(new Insets(0, 0, 0, 8));

        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label message = new Label();
        message.setId("fixesMessage");
        message.getStyleClass().add("message");
        message.textProperty().bind(vm.message());
        getChildren().addAll(title, split, message);
    }
}
