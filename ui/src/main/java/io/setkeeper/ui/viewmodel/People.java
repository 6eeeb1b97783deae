package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ClipAnalysis;
import io.setkeeper.ui.client.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The clip page's "faces and characters" lines from the model's prediction and the analysis summary. Pure. */
public final class People {
    private People() {
    }

    public static List<String> lines(Optional<Prediction> prediction, Optional<ClipAnalysis> analysis) {
        List<String> out = new ArrayList<>();
        prediction.ifPresent(p -> {
            for (int i = 0; i < p.people().size(); i++) {
                Prediction.Person person = p.people().get(i);
                out.add("Person " + (i + 1) + ": " + person.character().map(c -> c + " ("
                        + percent(person.confidence()) + (person.source().isBlank() ? ""
                        : ", " + person.source().toLowerCase(Locale.ROOT)) + ")")
                        .orElse("not a known character yet (name them on the appliance)"));
            }
            p.predictedSetup().ifPresent(s -> out.add("Looks like setup " + s + p.slateSetup()
                    .map(sl -> sl.equals(s) ? " (as slated)" : " (slated " + sl + ")").orElse("")
                    + p.disagreement().map(d -> ": " + d.toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("")));
        });
        analysis.ifPresent(a -> {
            add(out, a, "maxFaces", "Faces at most in a frame");
            add(out, a, "faceTracks", "Face tracks");
            add(out, a, "maxPeople", "People at most in a frame");
        });
        if (out.isEmpty()) {
            out.add(prediction.isEmpty() && analysis.isEmpty() ? "Not analysed yet." : "No faces found.");
        }
        return List.copyOf(out);
    }

    /** "Analysed: 59 of 59 frames" / "Analysing: 12 of 59 frames" / "Queued for analysis" / "Analysis failed: …". */
    public static String analysisState(ClipAnalysis a) {
        return switch (a.state()) {
            case "DONE" -> "Analysed: " + a.framesDone() + " frames" + a.error().map(e -> " (" + e + ")").orElse("");
            case "RUNNING" -> "Analysing: " + a.framesDone() + " of " + a.framesTotal() + " frames";
            case "QUEUED" -> "Queued for analysis";
            case "FAILED" -> "Analysis failed: " + a.error().orElse("no reason given");
            default -> a.state();
        };
    }

    private static void add(List<String> out, ClipAnalysis a, String key, String label) {
        String v = a.perception().get(key);
        if (v != null) {
            out.add(label + ": " + v);
        }
    }

    private static String percent(double v) {
        return Math.round(v * 100) + " %";
    }
}
