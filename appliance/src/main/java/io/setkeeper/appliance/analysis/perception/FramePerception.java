package io.setkeeper.appliance.analysis.perception;

import java.util.List;

/** What perception saw in one sampled frame. */
public record FramePerception(long ptsMicros, List<Face> faces, List<Detection> objects, PersonMask personMask) {
    public FramePerception {
        faces = List.copyOf(faces);
        objects = List.copyOf(objects);
    }

    /** Detections of class person. */
    public List<Detection> people() {
        return objects.stream().filter(Detection::isPerson).toList();
    }
}
