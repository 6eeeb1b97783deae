package io.setkeeper.appliance.continuity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One continuity problem: its kind, where (scene, setup), the clips involved (the clip at fault first, then the
 * clip it was compared with), what it is about ({@code subject}, e.g. an object label or a metadata field), the
 * measured numbers, a sentence, and the changed region in frame fractions (x1, y1, x2, y2) or null.
 */
public record Finding(Kind kind, String scene, String setup, List<Long> clipIds, List<String> clips, String subject,
                      String summary, Map<String, Double> numbers, double[] region) {
    public enum Kind {
        LOOK_DRIFT, CAMERA_MISMATCH, CAMERA_MOVED, SET_CHANGED, UNEXPECTED_PERSON, UNEXPECTED_OBJECT,
        WARDROBE_CHANGED, SOUND_MISMATCH, SCREEN_DIRECTION
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        clipIds = List.copyOf(clipIds);
        clips = List.copyOf(clips);
        numbers = Map.copyOf(numbers);
        subject = subject == null ? "" : subject;
    }

    static Finding of(Kind kind, ClipFacts at, ClipFacts against, String subject, String summary,
                      Map<String, Double> numbers, double[] region) {
        List<Long> ids = against == null ? List.of(at.clipId()) : List.of(at.clipId(), against.clipId());
        List<String> names = against == null ? List.of(at.clip()) : List.of(at.clip(), against.clip());
        return new Finding(kind, at.scene(), at.setup(), ids, names, subject, summary, numbers, region);
    }
}
