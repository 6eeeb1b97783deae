package io.setkeeper.appliance.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG files of a plate: the plate as RGBA (transparent holes) and the coverage map as 8-bit grey. */
public final class PlatePng {
    private PlatePng() {
    }

    public static byte[] plate(Plates.Image image) {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[image.width() * image.height()];
        byte[] px = image.rgba();
        for (int p = 0; p < argb.length; p++) {
            argb[p] = (px[p * 4 + 3] & 0xff) << 24 | (px[p * 4] & 0xff) << 16 | (px[p * 4 + 1] & 0xff) << 8 | (px[p * 4 + 2] & 0xff);
        }
        img.setRGB(0, 0, image.width(), image.height(), argb, 0, image.width());
        return write(img);
    }

    public static byte[] coverage(Plates.Image image) {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, image.width(), image.height(), image.coverage());
        return write(img);
    }

    /** Reads a plate written by {@link #plate} and its coverage map written by {@link #coverage}. */
    static Plates.Image read(byte[] platePng, byte[] coveragePng) throws IOException {
        BufferedImage plate = ImageIO.read(new ByteArrayInputStream(platePng));
        BufferedImage cov = ImageIO.read(new ByteArrayInputStream(coveragePng));
        if (plate == null || cov == null || plate.getWidth() != cov.getWidth() || plate.getHeight() != cov.getHeight()
                || cov.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IOException("plate and coverage map are not two PNGs of the same size (8-bit grey coverage)");
        }
        int w = plate.getWidth(), h = plate.getHeight();
        int[] argb = plate.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgba = new byte[w * h * 4];
        for (int p = 0; p < argb.length; p++) {
            rgba[p * 4] = (byte) (argb[p] >> 16);
            rgba[p * 4 + 1] = (byte) (argb[p] >> 8);
            rgba[p * 4 + 2] = (byte) argb[p];
            rgba[p * 4 + 3] = (byte) (argb[p] >>> 24);
        }
        byte[] coverage = new byte[w * h];
        cov.getRaster().getDataElements(0, 0, w, h, coverage);
        return new Plates.Image(w, h, rgba, coverage);
    }

    private static byte[] write(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
