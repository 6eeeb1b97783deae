package io.setkeeper.appliance.analysis;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;

/** Review stills as JPEG: a single frame, and a contact sheet (a grid of frames in time order). */
public final class Stills {
    /** Width of one contact sheet cell. */
    public static final int CELL_WIDTH = 240;
    public static final int COLUMNS = 4;

    private Stills() {
    }

    /** The frame as an RGB image. */
    public static BufferedImage image(Frame f) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        byte[] p = f.bgr();
        int[] rgb = new int[f.width() * f.height()];
        for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
            rgb[i] = (p[j + 2] & 0xff) << 16 | (p[j + 1] & 0xff) << 8 | (p[j] & 0xff);
        }
        img.setRGB(0, 0, f.width(), f.height(), rgb, 0, f.width());
        return img;
    }

    /** A grid of the frames, {@link #COLUMNS} wide, each scaled to {@link #CELL_WIDTH}. */
    public static BufferedImage contactSheet(List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one frame");
        }
        Frame first = frames.getFirst();
        int cellH = Math.max(1, CELL_WIDTH * first.height() / first.width());
        int cols = Math.min(COLUMNS, frames.size());
        int rows = (frames.size() + cols - 1) / cols;
        BufferedImage sheet = new BufferedImage(cols * CELL_WIDTH, rows * cellH, BufferedImage.TYPE_INT_RGB);
        var g = sheet.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int i = 0; i < frames.size(); i++) {
            g.drawImage(image(frames.get(i)), (i % cols) * CELL_WIDTH, (i / cols) * cellH, CELL_WIDTH, cellH, null);
        }
        g.dispose();
        return sheet;
    }

    /** Writes a JPEG through a temporary file, moved into place when complete. */
    public static void writeJpeg(BufferedImage img, Path target) throws IOException {
        write(img, "jpg", target);
    }

    /** Writes an image in an ImageIO format ("jpg", "png") through a temporary file, moved into place when complete. */
    public static void write(BufferedImage img, String format, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        if (!ImageIO.write(img, format, tmp.toFile())) {
            throw new IOException("no " + format + " writer available");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
