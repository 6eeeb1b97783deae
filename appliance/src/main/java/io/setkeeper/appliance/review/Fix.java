package io.setkeeper.appliance.review;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A proposed fix: parameters (never modified media) that would let post save a shot, with a verdict and the ids of
 * the evidence (stills, measurements, flags) it rests on. Only an {@link ApprovedFix} leaves the box.
 */
public sealed interface Fix {
    String id();

    ClipRef target();

    Verdict verdict();

    List<String> evidence();

    /** The kind's wire name: {@code cdl}, {@code plate}, {@code patch}, {@code reframe}. */
    String kind();

    /** The fix's parameters as text, as the FixApproved message carries them. */
    Map<String, String> parameters();

    private static List<String> checked(String id, ClipRef target, Verdict verdict, List<String> evidence) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw ReviewException.invalid("fix id must be 1-64 letters, digits, '.', '-' or '_', was '" + id + "'");
        }
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(verdict, "verdict");
        return evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A CDL that matches the target clip's look to a reference (a scene or setup look, another clip). */
    record CdlFix(String id, ClipRef target, Cdl cdl, String reference, Verdict verdict, List<String> evidence)
            implements Fix {
        public CdlFix {
            evidence = checked(id, target, verdict, evidence);
            Objects.requireNonNull(cdl, "cdl");
            cdl = cdl.withId(id);
            reference = reference == null ? "" : reference;
        }

        @Override
        public String kind() {
            return "cdl";
        }

        @Override
        public Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("slope", cdl.slope().r() + " " + cdl.slope().g() + " " + cdl.slope().b());
            p.put("offset", cdl.offset().r() + " " + cdl.offset().g() + " " + cdl.offset().b());
            p.put("power", cdl.power().r() + " " + cdl.power().g() + " " + cdl.power().b());
            p.put("saturation", Double.toString(cdl.saturation()));
            p.put("reference", reference);
            return p;
        }
    }

    /** A clean plate of a locked-off setup, held in an artefact. */
    record PlateFix(String id, ClipRef target, String plateArtefact, Verdict verdict, List<String> evidence)
            implements Fix {
        public PlateFix {
            evidence = checked(id, target, verdict, evidence);
            requireText(plateArtefact, "plateArtefact");
        }

        @Override
        public String kind() {
            return "plate";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("plate", plateArtefact);
        }
    }

    /** A patch over a brief obstruction: a mask and a plate over frames {@code [frameIn, frameOut]} and a region. */
    record PatchFix(String id, ClipRef target, long frameIn, long frameOut, int x, int y, int width, int height,
                    String maskArtefact, String plateArtefact, Verdict verdict, List<String> evidence)
            implements Fix {
        public PatchFix {
            evidence = checked(id, target, verdict, evidence);
            if (frameIn < 0 || frameOut < frameIn || width <= 0 || height <= 0 || x < 0 || y < 0) {
                throw ReviewException.invalid("patch needs 0 <= frameIn <= frameOut and a region with x, y >= 0 and"
                        + " a positive size");
            }
            requireText(maskArtefact, "maskArtefact");
            requireText(plateArtefact, "plateArtefact");
        }

        @Override
        public String kind() {
            return "patch";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("frames", frameIn + " " + frameOut, "region", x + " " + y + " " + width + " " + height,
                    "mask", maskArtefact, "plate", plateArtefact);
        }
    }

    /** A reframe: a crop path that keeps the tracked subject, for another aspect ratio (9:16, 2.39). */
    record ReframeFix(String id, ClipRef target, String aspect, String cropPathArtefact, Verdict verdict,
                      List<String> evidence) implements Fix {
        public ReframeFix {
            evidence = checked(id, target, verdict, evidence);
            requireText(aspect, "aspect");
            requireText(cropPathArtefact, "cropPathArtefact");
        }

        @Override
        public String kind() {
            return "reframe";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("aspect", aspect, "cropPath", cropPathArtefact);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ReviewException.invalid(name + " is required");
        }
    }
}
