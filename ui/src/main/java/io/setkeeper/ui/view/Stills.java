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
}
