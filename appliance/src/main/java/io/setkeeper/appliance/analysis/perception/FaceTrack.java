package io.setkeeper.appliance.analysis.perception;

import java.util.List;

/** One face followed through a clip: a track id and its observations in time order. */
public record FaceTrack(int id, List<Observation> observations) {
    /** A face seen at a frame's presentation time. */
    public record Observation(long ptsMicros, Face face) {
    }

    public FaceTrack {
        observations = List.copyOf(observations);
    }

    public long firstMicros() {
        return observations.getFirst().ptsMicros();
    }

    public long lastMicros() {
        return observations.getLast().ptsMicros();
    }

    /** The L2-normalised mean embedding of the track, the identity to cluster into characters. */
    public float[] meanEmbedding() {
        return FaceTracker.normalisedMean(observations.stream().map(o -> o.face().embedding()).toList());
    }
}
