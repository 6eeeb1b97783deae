package io.setkeeper.appliance.continuity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Camera metadata mismatches: between the takes of a setup every field the files state (fps, resolution, transfer
 * function, camera model, lens, white balance, shutter); between the setups of a scene the fields that must match
 * whatever the camera (fps, transfer function). The value most clips share is the reference (the first clip's
 * when there is no majority); each clip that differs is flagged against a clip holding the reference.
 */
final class CameraChecks {
    private static final List<String> TAGS = List.of("make", "model", "lens", "whiteBalance", "shutter", "iso");

    private CameraChecks() {
    }

    static List<Finding> withinSetup(List<ClipFacts> setup) {
        Map<String, Function<ClipFacts, String>> fields = new LinkedHashMap<>();
        fields.put("fps", c -> fps(c.camera().fps()));
        fields.put("resolution", c -> c.camera().width() > 0 ? c.camera().width() + "x" + c.camera().height() : null);
        fields.put("transfer", c -> c.camera().transfer());
        for (String tag : TAGS) {
            fields.put(tag, c -> c.camera().tags().get(tag));
        }
        return mismatches(setup, fields, "take of setup " + (setup.isEmpty() ? "" : setup.getFirst().setup()));
    }

    static List<Finding> betweenSetups(Map<String, List<ClipFacts>> setups) {
        if (setups.size() < 2) {
            return List.of();
        }
        List<ClipFacts> firsts = setups.values().stream().map(List::getFirst).toList();
        Map<String, Function<ClipFacts, String>> fields = new LinkedHashMap<>();
        fields.put("fps", c -> fps(c.camera().fps()));
        fields.put("transfer", c -> c.camera().transfer());
        return mismatches(firsts, fields, "setup of scene " + firsts.getFirst().scene());
    }

    /**
     * A frame rate as the set names it: within 0.02 of a whole number (a phone's variable 30.006) it is that number,
     * else two decimals (23.98, 29.97); null when unknown.
     */
    static String fps(double fps) {
        if (fps <= 0) {
            return null;
        }
        return Math.abs(fps - Math.round(fps)) < 0.02 ? Long.toString(Math.round(fps)) : String.format("%.2f", fps);
    }

    private static List<Finding> mismatches(List<ClipFacts> clips, Map<String, Function<ClipFacts, String>> fields,
                                            String among) {
        List<Finding> out = new ArrayList<>();
        if (clips.size() < 2) {
            return out;
        }
        Map<Long, List<String>> differs = new LinkedHashMap<>();
        Map<Long, ClipFacts> against = new LinkedHashMap<>();
        for (Map.Entry<String, Function<ClipFacts, String>> f : fields.entrySet()) {
            String ref = reference(clips, f.getValue());
            if (ref == null) {
                continue;
            }
            ClipFacts holder = clips.stream().filter(c -> ref.equals(f.getValue().apply(c))).findFirst().orElseThrow();
            for (ClipFacts c : clips) {
                String v = f.getValue().apply(c);
                if (v != null && !v.equals(ref)) {
                    differs.computeIfAbsent(c.clipId(), k -> new ArrayList<>())
                            .add(f.getKey() + " " + v + " (reference " + ref + ")");
                    against.putIfAbsent(c.clipId(), holder);
                }
            }
        }
        for (ClipFacts c : clips) {
            List<String> d = differs.get(c.clipId());
            if (d != null) {
                ClipFacts ref = against.get(c.clipId());
                out.add(Finding.of(Finding.Kind.CAMERA_MISMATCH, c, ref, among.startsWith("take") ? "setup" : "scene",
                        c.clip() + " differs from " + ref.clip() + " (" + among + "): " + String.join(", ", d),
                        Map.of("fields", (double) d.size(), "fps", c.camera().fps(), "refFps", ref.camera().fps(),
                                "width", (double) c.camera().width(), "refWidth", (double) ref.camera().width()),
                        null));
            }
        }
        return out;
    }

    /** The value most clips share, or the first clip's on a tie; null if no clip states it. */
    private static String reference(List<ClipFacts> clips, Function<ClipFacts, String> field) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ClipFacts c : clips) {
            String v = field.apply(c);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        String best = null;
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }
}
