package io.setkeeper.appliance.analysis.perception.slate;

import io.setkeeper.appliance.analysis.Frame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Test code: draws a slate into a real frame with java.awt. Two layouts: a clapperboard (striped sticks on top,
 * then a header row ROLL | SCENE | TAKE with the values below, white on black) and a slate card (black on white,
 * one "LABEL value" per line). The board's height is a fraction of the frame height; it is rotated about its centre.
 */
public final class SlateRenderer {
    /** Board layouts. */
    public enum Layout { CLAPPER, CARD }

    private SlateRenderer() {
    }

    /** A copy of {@code frame} with the slate drawn at (cxFrac, cyFrac) of the frame. */
    public static Frame draw(Frame frame, Layout layout, String scene, String take, String roll, double heightFraction,
                      double degrees, double cxFrac, double cyFrac) {
        int w = frame.width();
        int h = frame.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.bgr(), 0, px, 0, px.length);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double bh = heightFraction * h;
        double bw = bh * (layout == Layout.CLAPPER ? 1.35 : 1.25);
        g.translate(cxFrac * w, cyFrac * h);
        g.rotate(Math.toRadians(degrees));
        g.translate(-bw / 2, -bh / 2);
        if (layout == Layout.CLAPPER) {
            clapper(g, bw, bh, scene, take, roll);
        } else {
            card(g, bw, bh, scene, take, roll);
        }
        g.dispose();
        return new Frame(w, h, px.clone(), frame.ptsMicros());
    }

    private static void clapper(Graphics2D g, double bw, double bh, String scene, String take, String roll) {
        double stick = bh * 0.16;
        g.setColor(new Color(20, 20, 20));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, bw, bh));
        g.setColor(Color.WHITE);
        for (int i = 0; i < 8; i += 2) {
            double x = i * bw / 8;
            g.fill(new java.awt.geom.Path2D.Double(new java.awt.Polygon(
                    new int[] {(int) x, (int) (x + bw / 8), (int) (x + bw / 8 + stick / 2), (int) (x + stick / 2)},
                    new int[] {0, 0, (int) stick, (int) stick}, 4)));
        }
        g.setStroke(new BasicStroke((float) Math.max(1, bh / 100)));
        double top = stick * 1.25;
        double row = (bh - top) / 2;
        g.draw(new java.awt.geom.Line2D.Double(0, top, bw, top));
        g.draw(new java.awt.geom.Line2D.Double(bw / 3, top, bw / 3, bh));
        g.draw(new java.awt.geom.Line2D.Double(2 * bw / 3, top, 2 * bw / 3, bh));
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(6, row * 0.28));
        Font value = fit(g, new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(8, row * 0.6)), roll, 0.8 * bw / 3);
        String[] labels = {"ROLL", "SCENE", "TAKE"};
        String[] values = {roll, scene, take};
        for (int c = 0; c < 3; c++) {
            double cx = (c + 0.5) * bw / 3;
            centred(g, label, labels[c], cx, top + row * 0.35);
            centred(g, value, values[c], cx, top + row * 1.25);
        }
    }

    private static void card(Graphics2D g, double bw, double bh, String scene, String take, String roll) {
        g.setColor(new Color(245, 245, 240));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, bw, bh));
        g.setColor(new Color(15, 15, 15));
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(7, bh * 0.17));
        String[] lines = {"SCENE " + scene, "TAKE " + take, "ROLL " + roll};
        for (int i = 0; i < 3; i++) {
            g.setFont(font);
            g.drawString(lines[i], (float) (bw * 0.1), (float) (bh * (0.3 + 0.28 * i)));
        }
    }

    /** The font, shrunk until {@code text} fits in {@code width} (values stay inside their column). */
    private static Font fit(Graphics2D g, Font font, String text, double width) {
        Font f = font;
        while (f.getSize() > 6 && g.getFontMetrics(f).stringWidth(text) > width) {
            f = f.deriveFont((float) (f.getSize() - 1));
        }
        return f;
    }

    private static void centred(Graphics2D g, Font font, String text, double cx, double cy) {
        g.setFont(font);
        var m = g.getFontMetrics();
        g.drawString(text, (float) (cx - m.stringWidth(text) / 2.0), (float) (cy + m.getAscent() / 2.0 - m.getDescent() / 2.0));
    }

}
