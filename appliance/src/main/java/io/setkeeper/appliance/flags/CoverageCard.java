package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.analysis.Stills;
import io.setkeeper.appliance.coverage.SceneCoverage;
import io.setkeeper.appliance.coverage.TakeRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The evidence of a coverage flag: a small card of the scene's setups, one row each (planned, then unplanned), with
 * the setup's status and the stills of up to {@link #PER_ROW} takes (usable ones outlined green), the row the flag
 * is about outlined red, the flag's sentence on top. java.awt and ImageIO only.
 */
final class CoverageCard {
    static final int PER_ROW = 6;
    private static final int WIDTH = 960, TOP = 48, ROW = 96, LABEL = 220, THUMB_W = 120, THUMB_H = 68;

    private CoverageCard() {
    }

    static Path write(CoverageFlagging.Raise flag, SceneCoverage scene, List<TakeRecord> takes, Path stillsDir,
                      Path file) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (SceneCoverage.SetupCoverage s : scene.setups()) {
            rows.put(s.planned().setup(), s.planned().setup() + " " + s.planned().shotSize() + " "
                    + scene.setupStatus(s.planned().setup()));
        }
        scene.unplanned().forEach(u -> rows.put(u, u + " UNPLANNED"));
        BufferedImage out = new BufferedImage(WIDTH, TOP + Math.max(1, rows.size()) * ROW, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(24, 24, 24));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(flag.kind() + "  scene " + flag.scene(), 8, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(flag.summary(), 8, 38);
        int y = TOP;
        if (rows.isEmpty()) {
            g.drawString("no setup planned or shot", 8, y + ROW / 2);
        }
        for (Map.Entry<String, String> row : rows.entrySet()) {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(row.getValue(), 8, y + ROW / 2);
            int x = LABEL;
            List<TakeRecord> ofSetup = new ArrayList<>(takes.stream().filter(t -> t.take().setup().equals(row.getKey()))
                    .toList());
            if (ofSetup.isEmpty()) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.setColor(Color.LIGHT_GRAY);
                g.drawString("not shot", x, y + ROW / 2);
            }
            for (TakeRecord t : ofSetup.subList(0, Math.min(PER_ROW, ofSetup.size()))) {
                BufferedImage still = read(t.still().map(n -> stillsDir.resolve(Long.toString(t.clipId())).resolve(n))
                        .orElse(null));
                int ty = y + 8;
                if (still != null) {
                    g.drawImage(still, x, ty, THUMB_W, THUMB_H, null);
                } else {
                    g.setColor(Color.DARK_GRAY);
                    g.fillRect(x, ty, THUMB_W, THUMB_H);
                }
                g.setColor(t.take().usable() ? Color.GREEN : Color.GRAY);
                g.setStroke(new BasicStroke(2));
                g.drawRect(x, ty, THUMB_W, THUMB_H);
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                g.drawString("T" + t.take().take() + " " + t.status(), x, ty + THUMB_H + 13);
                x += THUMB_W + 8;
            }
            if (row.getKey().equals(flag.setup())) {
                g.setColor(Color.RED);
                g.setStroke(new BasicStroke(3));
                g.drawRect(2, y + 2, WIDTH - 5, ROW - 5);
            }
            y += ROW;
        }
        g.dispose();
        Stills.write(out, "png", file);
        return file;
    }

    private static BufferedImage read(Path p) {
        try {
            return p == null || !Files.isRegularFile(p) ? null : ImageIO.read(p.toFile());
        } catch (IOException e) {
            return null;
        }
    }
}
