package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FaceTracker;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import java.util.Map;
import java.util.TreeMap;

/**
 * What perception saw over a clip's sampled frames: how many frames were looked at, the most faces and people in
 * one frame, face tracks, and how often each object class appeared; the mean person coverage is over the frames that
 * have a mask (the pipeline measures it only on the frames it keeps). Mutable accumulator, one per clip.
 */
public final class PerceptionSummary {
    private final FaceTracker tracks = new FaceTracker(FaceTracker.Config.defaults());
    private final Map<String, Integer> objects = new TreeMap<>();
    private int frames;
    private int maxFaces;
    private int maxPeople;
    private double personArea;
    private int maskedFrames;
    private final java.util.List<FrameObjects> perFrame = new java.util.ArrayList<>();

    /** People and objects seen in one sampled frame, and the person mask's coverage (-1 without a mask). */
    public record FrameObjects(long ptsMicros, java.util.List<Detection> objects, double personCoverage) {
    }

    public synchronized void add(FramePerception p) {
        frames++;
        maxFaces = Math.max(maxFaces, p.faces().size());
        maxPeople = Math.max(maxPeople, p.people().size());
        for (Detection d : p.objects()) {
            objects.merge(d.label(), 1, Integer::sum);
        }
        personArea += p.personMask() == null ? 0 : p.personMask().coverage();
        maskedFrames += p.personMask() == null ? 0 : 1;
        tracks.update(p.ptsMicros(), p.faces());
        perFrame.add(new FrameObjects(p.ptsMicros(), p.objects(), p.personMask() == null ? -1 : p.personMask().coverage()));
    }

    /** The face tracks so far. */
    public synchronized java.util.List<io.setkeeper.appliance.analysis.perception.FaceTrack> faceTracks() {
        return tracks.tracks();
    }

    /** People and objects per sampled frame, in time order. */
    public synchronized java.util.List<FrameObjects> perFrame() {
        return java.util.List.copyOf(perFrame);
    }

    public synchronized int frames() {
        return frames;
    }

    /** The numbers as a JSON object. */
    public synchronized jakarta.json.JsonObject json() {
        var obj = jakarta.json.Json.createObjectBuilder();
        objects.forEach(obj::add);
        return jakarta.json.Json.createObjectBuilder().add("sampledFrames", frames).add("maxFaces", maxFaces)
                .add("maxPeople", maxPeople).add("faceTracks", tracks.tracks().size())
                .add("meanPersonCoverage", maskedFrames == 0 ? 0 : personArea / maskedFrames).add("objectFrames", obj).build();
    }
}
