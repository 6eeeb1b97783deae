package io.setkeeper.ui.view;

import java.io.ByteArrayInputStream;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** JPEG bytes from the appliance as images on screen. */
final class Stills {
    private Stills() {
    }

    /** An image of the bytes, decoded to at most {@code width} pixels wide; null for null. */
    static Image image(byte[] jpeg, double width) {
        return jpeg == null ? null : new Image(new ByteArrayInputStream(jpeg), width, 0, true, true);
    }

    /** An image view {@code width} wide keeping the aspect ratio. */
    static ImageView view(double width) {
        ImageView v = new ImageView();
        v.setFitWidth(width);
        v.setPreserveRatio(true);
        v.setSmooth(true);
        return v;
    }

    /** Keeps {@code box} showing the evidence stills side by side, each {@code width} wide under its label. */
    static void follow(javafx.collections.ObservableList<io.setkeeper.ui.viewmodel.Evidence> evidence,
                       javafx.scene.layout.Pane box, double width) {
        evidence.addListener((javafx.collections.ListChangeListener<io.setkeeper.ui.viewmodel.Evidence>) ch ->
                box.getChildren().setAll(evidence.stream().map(e -> {
                    ImageView v = view(width);
                    v.setImage(image(e.jpeg(), width * 2));
                    javafx.scene.control.Label l = new javafx.scene.control.Label(e.label());
                    l.getStyleClass().add("subtitle");
                    return (javafx.scene.Node) new javafx.scene.layout.VBox(4, l, v);
                }).toList()));
    }
}
