package io.setkeeper.appliance.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The before-wrap report as PDF, drawn with PDFBox: A4 portrait, one page per scene (a scene with many takes
 * continues on a second page), the flags in red, the setups and characters as tables, a still per take framed in
 * its status colour.
 */
public final class ReportPdf {
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final float MARGIN = 36;
    static final Color RED = new Color(0xc6, 0x28, 0x28);
    static final Color GREEN = new Color(0x2e, 0x7d, 0x32);
    static final Color ORANGE = new Color(0xef, 0x6c, 0x00);
    static final Color GREY = new Color(0x66, 0x66, 0x66);
    /** Stills per row and their width in points. */
    static final int STILL_COLUMNS = 4;
    static final float STILL_WIDTH = 124;

    private ReportPdf() {
    }

    public static byte[] render(String production, Instant at, List<ReportPage> pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (ReportPage p : pages) {
                try (Pen pen = new Pen(doc)) {
                    page(pen, production, at, p);
                }
            }
            if (pages.isEmpty()) {
                try (Pen pen = new Pen(doc)) {
                    pen.line("No scenes: import a screenplay and a shot list first.", BOLD, 14, Color.BLACK);
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void page(Pen pen, String production, Instant at, ReportPage p) throws IOException {
        pen.line(p.title(), BOLD, 16, Color.BLACK);
        pen.continued = p.title() + " (continued)";
        pen.line(p.status() + "   " + production + " - before-wrap report - " + at, REGULAR, 9, colour(p.status()));
        pen.gap(8);
        if (p.wrap().isEmpty()) {
            pen.line("Nothing to add: every planned setup has a usable take.", BOLD, 11, GREEN);
        } else {
            pen.line("Before we wrap", BOLD, 12, Color.BLACK);
            pen.gap(4);
            for (String w : p.wrap()) {
                pen.wrapped("- " + w, BOLD, 10, RED, MARGIN + 6, Pen.WIDTH - 6);
            }
        }
        pen.gap(8);
        pen.line("Setups", BOLD, 12, Color.BLACK);
        pen.gap(4);
        float[] cols = {40, 38, 160, 220, 65};
        pen.row(cols, List.of("setup", "size", "planned", "takes", "status"), BOLD, Color.BLACK);
        for (ReportPage.SetupRow r : p.setups()) {
            pen.row(cols, List.of(r.setup(), r.size(), r.description(), r.takes().isEmpty() ? "not shot"
                    : String.join("; ", r.takes()), r.status()), REGULAR, colour(r.status()));
        }
        if (!p.people().isEmpty()) {
            pen.gap(8);
            pen.line("Characters", BOLD, 12, Color.BLACK);
            pen.gap(4);
            float[] cc = {110, 50, 200, 60};
            pen.row(cc, List.of("character", "speaks", "seen at (usable takes)", "single"), BOLD, Color.BLACK);
            for (ReportPage.CharacterRow c : p.people()) {
                pen.row(cc, List.of(c.character(), c.speaks() ? "yes" : "no", c.sizes(), c.single() ? "yes" : "no"),
                        REGULAR, c.speaks() && !c.single() ? RED : Color.BLACK);
            }
        }
        if (!p.stills().isEmpty()) {
            pen.gap(8);
            pen.line("Takes", BOLD, 12, Color.BLACK);
            pen.gap(4);
            stills(pen, p.stills());
        }
    }

    private static void stills(Pen pen, List<ReportPage.Still> stills) throws IOException {
        List<ReportPage.Still> row = new ArrayList<>();
        for (ReportPage.Still s : stills) {
            row.add(s);
            if (row.size() == STILL_COLUMNS) {
                stillRow(pen, row);
                row.clear();
            }
        }
        if (!row.isEmpty()) {
            stillRow(pen, row);
        }
    }

    private static void stillRow(Pen pen, List<ReportPage.Still> row) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        float height = 0;
        for (ReportPage.Still s : row) {
            BufferedImage img = ImageIO.read(s.file().toFile());
            images.add(img);
            if (img != null) {
                height = Math.max(height, STILL_WIDTH * img.getHeight() / img.getWidth());
            }
        }
        float gap = (Pen.WIDTH - STILL_COLUMNS * STILL_WIDTH) / (STILL_COLUMNS - 1);
        pen.need(height + 24);
        for (int i = 0; i < row.size(); i++) {
            float x = MARGIN + i * (STILL_WIDTH + gap);
            float y = pen.y - height;
            BufferedImage img = images.get(i);
            pen.cs.setNonStrokingColor(colour(row.get(i).status()));
            pen.cs.addRect(x - 3, y - 3, STILL_WIDTH + 6, height + 6);
            pen.cs.fill();
            if (img != null) {
                PDImageXObject x0 = JPEGFactory.createFromImage(pen.doc, scaled(img, 2 * (int) STILL_WIDTH), 0.8f);
                pen.cs.drawImage(x0, x, y, STILL_WIDTH, height);
            }
            pen.text(row.get(i).caption(), REGULAR, 7, Color.BLACK, x, y - 12);
            pen.text(row.get(i).status(), BOLD, 7, colour(row.get(i).status()), x, y - 20);
        }
        pen.y -= height + 28;
    }

    private static BufferedImage scaled(BufferedImage img, int width) {
        if (img.getWidth() <= width) {
            return img;
        }
        int h = Math.max(1, img.getHeight() * width / img.getWidth());
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, h, null);
        g.dispose();
        return out;
    }

    static Color colour(String status) {
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "covered" -> GREEN;
            case "flagged", "pending" -> ORANGE;
            case "missing", "nothing_shot", "unusable" -> RED;
            default -> GREY;
        };
    }

    /** Where the next line goes on the current page; opens a continuation page when the page is full. */
    static final class Pen implements AutoCloseable {
        static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
        final PDDocument doc;
        PDPageContentStream cs;
        float y;

        Pen(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        /** Drawn at the top of a continuation page. */
        String continued;

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            if (continued != null) {
                y -= 12;
                text(continued, BOLD, 12, Color.BLACK, MARGIN, y);
                y -= 10;
            }
        }

        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        void line(String s, PDType1Font font, float size, Color colour) throws IOException {
            wrapped(s, font, size, colour, MARGIN, WIDTH);
        }

        void wrapped(String s, PDType1Font font, float size, Color colour, float x, float width) throws IOException {
            for (String l : wrap(s, font, size, width)) {
                need(size + 3);
                y -= size + 3;
                text(l, font, size, colour, x, y);
            }
        }

        void row(float[] widths, List<String> cells, PDType1Font font, Color colour) throws IOException {
            float size = 9;
            List<List<String>> lines = new ArrayList<>();
            int n = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines.add(wrap(cells.get(i), font, size, widths[i] - 4));
                n = Math.max(n, lines.get(i).size());
            }
            float h = n * (size + 2) + 4;
            need(h);
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                cs.setStrokingColor(Color.LIGHT_GRAY);
                cs.addRect(x, y - h, widths[i], h);
                cs.stroke();
                for (int k = 0; k < lines.get(i).size(); k++) {
                    text(lines.get(i).get(k), font, size, i == cells.size() - 1 ? colour : Color.BLACK, x + 2,
                            y - (k + 1) * (size + 2));
                }
                x += widths[i];
            }
            y -= h;
        }

        void text(String s, PDType1Font font, float size, Color colour, float x, float atY) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(colour);
            cs.newLineAtOffset(x, atY);
            cs.showText(winAnsi(s));
            cs.endText();
        }

        static List<String> wrap(String s, PDType1Font font, float size, float width) throws IOException {
            List<String> out = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : winAnsi(s).split(" ")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(next) / 1000 * size > width) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString());
            return out;
        }

        /** The text in the standard fonts' encoding: dashes and quotes simplified, anything else unknown as '?'. */
        static String winAnsi(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '\u2013', '\u2014' -> b.append('-');
                    case '\u2018', '\u2019' -> b.append('\'');
                    case '\u201c', '\u201d' -> b.append('"');
                    case '\u00d7' -> b.append('x');
                    default -> b.append(c >= 32 && c < 127 || c >= 160 && c <= 255 ? c : c == '\t' ? ' ' : '?');
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }
}
