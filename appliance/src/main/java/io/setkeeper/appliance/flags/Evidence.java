package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.Stills;
import io.setkeeper.appliance.continuity.Finding;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Evidence images: each clip's representative frame as a PNG, and for a flag the frames of the clips it names side
 * by side (the clip at fault on the left), the changed region outlined in red on both, with the kind, the clip names
 * and the numbers written below. Plain java.awt and ImageIO; files are written through a temporary file.
 */
public final class Evidence {
    static final int HEIGHT = 360;
    private static final int CAPTION = 56;

    private Evidence() {
    }

    /** Writes a clip's representative frame. */
    public static Path writeFrame(Frame frame, Path file) throws IOException {
        Stills.write(Stills.image(frame), "png", file);
        return file;
    }

    /** Writes the side-by-side evidence of a finding from the clips' frame files (in the finding's clip order). */
    public static Path writeSideBySide(Finding f, List<Path> frames, Path file) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (Path p : frames) {
            BufferedImage img = p == null || !Files.isRegularFile(p) ? null : ImageIO.read(p.toFile());
            images.add(img == null ? placeholder() : img);
        }
        int total = 0;
        int[] widths = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            widths[i] = Math.max(1, images.get(i).getWidth() * HEIGHT / images.get(i).getHeight());
            total += widths[i];
        }
        BufferedImage out = new BufferedImage(Math.max(total, 320), HEIGHT + CAPTION, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int x = 0;
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), x, 0, widths[i], HEIGHT, null);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(i < f.clips().size() ? f.clips().get(i) : "", x + 6, 18);
            if (f.region() != null) {
                double[] r = f.region();
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(3));
                g.drawRect(x + (int) (r[0] * widths[i]), (int) (r[1] * HEIGHT),
                        Math.max(2, (int) ((r[2] - r[0]) * widths[i])), Math.max(2, (int) ((r[3] - r[1]) * HEIGHT)));
            }
            x += widths[i];
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(f.kind() + " scene " + f.scene() + " setup " + f.setup() + " " + f.subject(), 6, HEIGHT + 20);
        StringBuilder nums = new StringBuilder();
        new TreeMap<>(f.numbers()).forEach((k, v) -> nums.append(k).append('=').append(v).append("  "));
        g.drawString(nums.toString(), 6, HEIGHT + 42);
        g.dispose();
        Stills.write(out, "png", file);
        return file;
    }

    private static BufferedImage placeholder() {
        BufferedImage img = new BufferedImage(480, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.drawString("no still", 200, HEIGHT / 2);
        g.dispose();
        return img;
    }
}
