package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.Stills;
import io.setkeeper.appliance.fixes.patch.Region;
import io.setkeeper.appliance.fixes.reframe.CropPath;
import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** The images a fix leaves under {@code <data>/fixes/<id>/}: before/after stills, masks and plates, as PNG. */
public final class FixStills {
    private FixStills() {
    }

    /** A copy of the frame through the CDL (per-channel SOP by lookup table, then saturation). */
    public static Frame graded(Frame f, Cdl cdl) {
        float[] lut = new float[256 * 3];
        float[] in = new float[256 * 3];
        for (int v = 0; v < 256; v++) {
            in[3 * v] = in[3 * v + 1] = in[3 * v + 2] = v / 255f;
        }
        io.setkeeper.appliance.fixes.cdl.Pixels.apply(Cdl.of("sop", cdl.slope(), cdl.offset(), cdl.power(), 1), in,
                lut);
        byte[] src = f.bgr();
        byte[] out = new byte[src.length];
        double sat = cdl.saturation();
        for (int i = 0; i < src.length; i += 3) {
            double r = lut[3 * (src[i + 2] & 0xff)], g = lut[3 * (src[i + 1] & 0xff) + 1], b = lut[3 * (src[i] & 0xff) + 2];
            double y = Cdl.LUMA_R * r + Cdl.LUMA_G * g + Cdl.LUMA_B * b;
            out[i + 2] = byte255(y + sat * (r - y));
            out[i + 1] = byte255(y + sat * (g - y));
            out[i] = byte255(y + sat * (b - y));
        }
        return new Frame(f.width(), f.height(), out, f.ptsMicros());
    }

    private static byte byte255(double v) {
        return (byte) Math.round(255 * (v < 0 ? 0 : v > 1 ? 1 : v));
    }

    /** The frame with the crop drawn on it. */
    public static BufferedImage withCrop(Frame f, CropPath.Crop c) {
        BufferedImage img = Stills.image(f);
        var g = img.createGraphics();
        g.setColor(new Color(0, 0, 0, 140));
        g.fillRect(0, 0, c.x(), f.height());
        g.fillRect(c.x() + c.w(), 0, f.width() - c.x() - c.w(), f.height());
        g.fillRect(c.x(), 0, c.w(), c.y());
        g.fillRect(c.x(), c.y() + c.h(), c.w(), f.height() - c.y() - c.h());
        g.setColor(Color.YELLOW);
        g.setStroke(new BasicStroke(2));
        g.drawRect(c.x(), c.y(), c.w() - 1, c.h() - 1);
        g.dispose();
        return img;
    }

    /** The crop itself. */
    public static BufferedImage cropped(Frame f, CropPath.Crop c) {
        return Stills.image(f).getSubimage(c.x(), c.y(), Math.min(c.w(), f.width() - c.x()),
                Math.min(c.h(), f.height() - c.y()));
    }

    /** A frame-sized mask: white inside the region, black elsewhere. */
    public static BufferedImage mask(int width, int height, Region r) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(r.x(), r.y(), r.w(), r.h());
        g.dispose();
        return img;
    }

    /** A region-sized BGR buffer as an image. */
    public static BufferedImage image(int w, int h, byte[] bgr) {
        return Stills.image(new Frame(w, h, bgr, 0));
    }

    /** Writes a PNG through a temporary file moved into place. */
    public static void png(BufferedImage img, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        if (!ImageIO.write(img, "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
