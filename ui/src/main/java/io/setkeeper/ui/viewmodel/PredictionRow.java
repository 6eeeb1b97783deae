package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.Prediction;
import java.util.Locale;
import java.util.stream.Collectors;

/** One learned clip: who the model sees in it, the setup it looks like against the slate's. Pure. */
public record PredictionRow(String clip, String people, String setup, String slate, String disagreement) {
    public static PredictionRow of(Prediction p) {
        String people = p.people().isEmpty() ? "nobody" : p.people().stream()
                .map(x -> x.character().map(c -> c + " " + Math.round(x.confidence() * 100) + " %").orElse("unknown"))
                .collect(Collectors.joining(", "));
        return new PredictionRow(p.clip(), people, p.predictedSetup().map(s -> s + " ("
                + Math.round(p.setupConfidence() * 100) + " %)").orElse(""), p.slateSetup().orElse(""),
                p.disagreement().map(d -> d.toLowerCase(Locale.ROOT).replace('_', ' ')).orElse(""));
    }
}
