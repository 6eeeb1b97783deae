package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.FaceTrack;
import io.setkeeper.appliance.store.AnalysisStore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored per-time-range perception of a clip, pure: one document per sampled frame (faces with their track id,
 * head pose and box; people and objects; person-mask coverage) and one per face track (frame range, per-frame boxes
 * and head pose). Frame numbers are counted from the clip's first frame at {@code fps}.
 */
public final class TrackJson {
    private TrackJson() {
    }

    static long frame(long ptsMicros, long firstPts, double fps) {
        return Math.round((ptsMicros - firstPts) * fps / 1e6);
    }

    static JsonArrayBuilder box(Box b) {
        return Json.createArrayBuilder().add(Math.round(b.x1() * 10) / 10.0).add(Math.round(b.y1() * 10) / 10.0)
                .add(Math.round(b.x2() * 10) / 10.0).add(Math.round(b.y2() * 10) / 10.0);
    }

    private static JsonObjectBuilder face(FaceTrack.Observation o, long firstPts, double fps) {
        var p = o.face().pose();
        return Json.createObjectBuilder().add("ptsMicros", o.ptsMicros()).add("frame", frame(o.ptsMicros(), firstPts, fps))
                .add("box", box(o.face().box())).add("score", o.face().box().score())
                .add("pose", Json.createObjectBuilder().add("yaw", p.yaw()).add("pitch", p.pitch()).add("roll", p.roll()));
    }

    public static List<AnalysisStore.TrackRow> tracks(List<FaceTrack> tracks, long firstPts, double fps) {
        List<AnalysisStore.TrackRow> out = new ArrayList<>();
        for (FaceTrack t : tracks) {
            JsonArrayBuilder obs = Json.createArrayBuilder();
            t.observations().forEach(o -> obs.add(face(o, firstPts, fps)));
            String json = Json.createObjectBuilder().add("track", t.id()).add("firstPtsMicros", t.firstMicros())
                    .add("lastPtsMicros", t.lastMicros()).add("firstFrame", frame(t.firstMicros(), firstPts, fps))
                    .add("lastFrame", frame(t.lastMicros(), firstPts, fps)).add("sampledFrames", t.observations().size())
                    .add("observations", obs).build().toString();
            out.add(new AnalysisStore.TrackRow(t.id(), t.firstMicros(), t.lastMicros(), t.observations().size(),
                    t.meanEmbedding(), json));
        }
        return out;
    }

    public static List<AnalysisStore.FrameRow> frames(List<PerceptionSummary.FrameObjects> frames, List<FaceTrack> tracks,
                                                      long firstPts, double fps) {
        Map<Long, JsonArrayBuilder> faces = new TreeMap<>();
        for (FaceTrack t : tracks) {
            for (FaceTrack.Observation o : t.observations()) {
                faces.computeIfAbsent(o.ptsMicros(), k -> Json.createArrayBuilder())
                        .add(face(o, firstPts, fps).add("track", t.id()));
            }
        }
        List<AnalysisStore.FrameRow> out = new ArrayList<>();
        for (PerceptionSummary.FrameObjects f : frames) {
            JsonArrayBuilder people = Json.createArrayBuilder();
            JsonArrayBuilder objects = Json.createArrayBuilder();
            for (Detection d : f.objects()) {
                var o = Json.createObjectBuilder().add("label", d.label()).add("classId", d.classId())
                        .add("box", box(d.box())).add("score", d.box().score());
                (d.isPerson() ? people : objects).add(o);
            }
            var b = Json.createObjectBuilder().add("ptsMicros", f.ptsMicros()).add("frame", frame(f.ptsMicros(), firstPts, fps))
                    .add("faces", faces.getOrDefault(f.ptsMicros(), Json.createArrayBuilder())).add("people", people)
                    .add("objects", objects);
            if (f.personCoverage() >= 0) {
                b.add("personCoverage", f.personCoverage());
            }
            out.add(new AnalysisStore.FrameRow(f.ptsMicros(), b.build().toString()));
        }
        return out;
    }
}
