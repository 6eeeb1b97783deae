package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.StationViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The station window's content: one tab per screen, a status line with the connection, and the keyboard
 * shortcuts (Ctrl+1…7 screens, Ctrl+L large type, F5 reload).
 */
public final class StationView extends BorderPane {
    private final TabPane tabs = new TabPane();

    public StationView(StationViewModel vm) {
        tabs.setId("screens");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("connect", "Connect", new ConnectView(vm.connection())));
        tabs.getTabs().add(tab("offload", "Cards & offload", new OffloadView(vm.offload())));
        tabs.getTabs().add(tab("dailies", "Dailies", new DailiesView(vm.dailies(), vm.largeType())));
        tabs.getTabs().add(tab("flags", "Flags inbox", new FlagsView(vm.flags())));
        tabs.getTabs().add(tab("coverage", "Coverage board", new CoverageView(vm.coverage())));
        tabs.getTabs().add(tab("fixes", "Fixes", new FixesView(vm.fixes())));
        tabs.getTabs().add(tab("model-sync", "Model and sync", new ModelSyncView(vm.modelSync())));
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(vm.connection().message());
        HBox bottom = new HBox(status);
        bottom.setStyle("-fx-padding: 6 12 6 12; -fx-background-color: #101316;");
        setCenter(tabs);
        setBottom(bottom);
        Theme.apply(this, vm.largeType());
    }

    /** Adds the station's keyboard shortcuts to the scene that shows this view. */
    public void installShortcuts(Scene scene, StationViewModel vm) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7};
        for (int i = 0; i < digits.length && i < tabs.getTabs().size(); i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> show(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                () -> vm.largeType().set(!vm.largeType().get()));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), vm::refreshAll);
    }

    /** Shows the screen at this index (0 = Connect). */
    public void show(int index) {
        tabs.getSelectionModel().select(index);
        tabs.getSelectionModel().getSelectedItem().getContent().requestFocus();
    }

    public TabPane tabs() {
        return tabs;
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }
}
