package io.setkeeper.appliance.continuity;

import java.util.List;
import java.util.Map;

/** Test-only: clip facts with a drawn background (a textured room), for checks that need no footage. */
public final class SyntheticFacts {
    private SyntheticFacts() {
    }

    /** A textured background; {@code dx} shifts it (camera moved), {@code dL} brightens it, a square can be painted. */
    public static Background background(int dx, double dL, double da, boolean square) {
        float[] lab = new float[3 * Background.W * Background.H];
        for (int y = 0; y < Background.H; y++) {
            for (int x = 0; x < Background.W; x++) {
                int sx = x - dx;
                double l = 50 + 20 * Math.sin(sx * 0.4) * Math.cos(y * 0.3) + 10 * Math.sin(sx * 0.13 + y * 0.21);
                double a = 5 + 3 * Math.cos(sx * 0.2), b = 10 + 4 * Math.sin(y * 0.25);
                if (square && x >= 10 && x < 20 && y >= 20 && y < 34) {
                    l = 20;
                    a = 40;
                    b = 30;
                }
                int i = 3 * (y * Background.W + x);
                lab[i] = (float) (l + dL);
                lab[i + 1] = (float) (a + da);
                lab[i + 2] = (float) b;
            }
        }
        return new Background(lab);
    }

    public static ClipFacts clip(long id, String setup, String take, Background bg) {
        return new ClipFacts(id, "clip" + id + ".mov", "5", setup, take,
                new ClipFacts.Camera("A", 24, 1920, 1080, "SDR", Map.of()), null, bg, List.of(), List.of(),
                List.of(), null);
    }
}
