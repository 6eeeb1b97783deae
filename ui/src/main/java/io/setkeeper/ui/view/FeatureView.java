package io.setkeeper.ui.view;

import io.setkeeper.ui.viewmodel.FeatureViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen whose appliance API does not exist yet: what it will show, and that this appliance does not serve it. */
public final class FeatureView extends VBox {
    public FeatureView(FeatureViewModel vm) {
        setSpacing(14);
        setPadding(new Insets(24));
        Label title = new Label(vm.feature().title());
        title.getStyleClass().add("title");
        Label purpose = new Label(vm.feature().purpose());
        purpose.getStyleClass().add("subtitle");
        purpose.setWrapText(true);
        Label state = new Label();
        state.setId("feature-" + vm.feature().name());
        state.getStyleClass().add("placeholder");
        state.textProperty().bind(vm.message());
        getChildren().addAll(title, purpose, state);
    }
}
