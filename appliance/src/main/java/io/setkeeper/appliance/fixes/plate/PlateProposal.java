package io.setkeeper.appliance.fixes.plate;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.model.Plates;
import io.setkeeper.appliance.review.Verdict;
import java.util.Locale;
import java.util.Optional;

/**
 * The clean-plate fix, decided (pure): the production model's plate of the clip's setup is proposed when it exists
 * and its holes (pixels never seen without a person) cover at most {@link #MAX_HOLES} of it; otherwise a reshoot
 * (of a clean pass) is advised with the reason. Also the images: the plate over the clip's still (holes show the
 * still) and the mask of the holes.
 */
public final class PlateProposal {
    /**
     * Largest fraction of the plate that may be holes and still be "fixable in post": 2 % (a few person-sized
     * patches a compositor paints by hand in a 480x360 plate; more means parts of the set were never seen clean).
     */
    public static final double MAX_HOLES = 0.02;

    private PlateProposal() {
    }

    /** The verdict for a setup's plate summary (empty: no plate learned for the setup). */
    public static Verdict verdict(String setup, Optional<Plates.Summary> plate, double maxHoles) {
        if (plate.isEmpty()) {
            return new Verdict(Verdict.Kind.RESHOOT_ADVISED, "no clean plate exists for setup " + setup
                    + ": the production model learns one only from analysed locked-off takes of the setup whose"
                    + " picture agrees with the slate; shoot a clean pass");
        }
        Plates.Summary s = plate.get();
        if (s.holeFraction() > maxHoles) {
            return new Verdict(Verdict.Kind.RESHOOT_ADVISED, String.format(Locale.ROOT, "holes cover %.2f%% of the"
                    + " plate of setup %s (limit %.1f%%): parts of the set were never seen without a person in %d"
                    + " take(s); shoot a clean pass", 100 * s.holeFraction(), setup, 100 * maxHoles, s.clips()));
        }
        return new Verdict(Verdict.Kind.FIXABLE_IN_POST, String.format(Locale.ROOT, "clean plate of setup %s from %d"
                        + " take(s), %d frames; holes %.2f%% of the plate (limit %.1f%%)", setup, s.clips(), s.frames(),
                100 * s.holeFraction(), 100 * maxHoles));
    }

    /** The plate as a BGR frame, the clip's still (resampled to the plate's size) showing through the holes. */
    public static Frame over(Plates.Image plate, Frame still) {
        int w = plate.width(), h = plate.height();
        byte[] bgr = new byte[w * h * 3];
        byte[] px = plate.rgba();
        for (int y = 0; y < h; y++) {
            int sy = Math.min(still.height() - 1, y * still.height() / h);
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if ((px[p * 4 + 3] & 0xff) == 0) {
                    int sx = Math.min(still.width() - 1, x * still.width() / w);
                    System.arraycopy(still.bgr(), (sy * still.width() + sx) * 3, bgr, p * 3, 3);
                } else {
                    bgr[p * 3] = px[p * 4 + 2];
                    bgr[p * 3 + 1] = px[p * 4 + 1];
                    bgr[p * 3 + 2] = px[p * 4];
                }
            }
        }
        return new Frame(w, h, bgr, still.ptsMicros());
    }

    /** The holes as a grey mask of the plate's size: 255 at a hole, 0 elsewhere. */
    public static byte[] holes(Plates.Image plate) {
        byte[] out = new byte[plate.width() * plate.height()];
        for (int p = 0; p < out.length; p++) {
            out[p] = (plate.rgba()[p * 4 + 3] & 0xff) == 0 ? (byte) 255 : 0;
        }
        return out;
    }
}
