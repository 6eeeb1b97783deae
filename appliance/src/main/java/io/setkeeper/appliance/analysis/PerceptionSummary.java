package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FaceTracker;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import java.util.Map;
import java.util.TreeMap;

/**
 * What perception saw over a clip's sampled frames: how many frames were looked at, the most faces and people in
 * one frame, face tracks, and how often each object class appeared. Mutable accumulator, one per clip.
 */
public final class PerceptionSummary {
    private final FaceTracker tracks = new FaceTracker(FaceTracker.Config.defaults());
    private final Map<String, Integer> objects = new TreeMap<>();
    private int frames;
    private int maxFaces;
    private int maxPeople;
    private double personArea;

    public synchronized void add(FramePerception p) {
        frames++;
        maxFaces = Math.max(maxFaces, p.faces().size());
        maxPeople = Math.max(maxPeople, p.people().size());
        for (Detection d : p.objects()) {
            objects.merge(d.label(), 1, Integer::sum);
        }
        personArea += p.personMask() == null ? 0 : p.personMask().coverage();
        tracks.update(p.ptsMicros(), p.faces());
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
                .add("meanPersonCoverage", frames == 0 ? 0 : personArea / frames).add("objectFrames", obj).build();
    }
}
