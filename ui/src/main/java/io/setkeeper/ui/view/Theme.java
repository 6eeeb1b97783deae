package io.setkeeper.ui.view;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Parent;

/** The dark set theme (station.css) and the large-type switch, applied to a root node. */
public final class Theme {
    private Theme() {
    }

    /** Adds the stylesheet and follows {@code large} with the {@code large} style class (bigger type). */
    public static void apply(Parent root, BooleanProperty large) {
        root.getStylesheets().add(Theme.class.getResource("station.css").toExternalForm());
        root.getStyleClass().add("root");
        large.addListener((o, a, b) -> setLarge(root, b));
        setLarge(root, large.get());
    }

    private static void setLarge(Parent root, boolean on) {
        root.getStyleClass().remove("large");
        if (on) {
            root.getStyleClass().add("large");
        }
    }
}
