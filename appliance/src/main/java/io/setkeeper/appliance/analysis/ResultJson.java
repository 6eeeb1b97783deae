package io.setkeeper.appliance.analysis;

import io.setkeeper.appliance.analysis.qc.ClipQc;
import io.setkeeper.appliance.analysis.qc.Finding;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.media.FrameSource;
import io.setkeeper.appliance.media.Rational;
import io.setkeeper.appliance.media.Timecodes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/** The stored JSON documents of an analysis: the per-clip result and a finding's evidence. Pure. */
public final class ResultJson {
    private ResultJson() {
    }

    /** The clip's timecode at a frame index, when the clip has a start timecode and a frame rate. */
    public static Optional<String> timecode(Clip clip, long frame) {
        if (clip.startTimecode().isEmpty() || clip.fps().isEmpty()) {
            return Optional.empty();
        }
        try {
            Rational fps = Rational.parse(clip.fps().get());
            String tc = clip.startTimecode().get();
            boolean drop = tc.contains(";");
            long start = Timecodes.toFrames(tc, (int) fps.num(), (int) fps.den());
            return Optional.of(Timecodes.fromFrames(start + frame, (int) fps.num(), (int) fps.den(), drop));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static JsonObject evidence(Finding f) {
        JsonObjectBuilder nums = Json.createObjectBuilder();
        f.numbers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> nums.add(e.getKey(), finite(e.getValue())));
        JsonArrayBuilder frames = Json.createArrayBuilder();
        f.frames().forEach(frames::add);
        return Json.createObjectBuilder().add("frames", frames).add("numbers", nums).build();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : (v > 0 ? Double.MAX_VALUE : 0);
    }

    /** What the slate in the picture said, where, and the still it was read in. */
    public static JsonObject slateRead(SlateRead s, Clip clip, Optional<String> still) {
        var t = s.text();
        JsonObjectBuilder b = Json.createObjectBuilder().add("text", t.text()).add("confidence", t.confidence())
                .add("frame", s.frameIndex()).add("ptsMicros", s.ptsMicros()).add("position", s.tail() ? "tail" : "head");
        t.scene().ifPresent(v -> b.add("scene", v));
        t.take().ifPresent(v -> b.add("take", v));
        t.roll().ifPresent(v -> b.add("roll", v));
        timecode(clip, s.frameIndex()).ifPresent(tc -> b.add("timecode", tc));
        still.ifPresent(n -> b.add("still", n));
        return b.build();
    }

    public static JsonObject result(ClipAnalysis.Result r, ClipQc qc, List<String> stills, Optional<JsonObject> slate) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        slate.ifPresent(s -> b.add("slateRead", s));
        r.info().ifPresent(i -> b.add("decode", decode(i)));
        b.add("outcome", switch (r.outcome()) {
            case FrameSource.Outcome.Complete c -> "COMPLETE";
            case FrameSource.Outcome.Partial p -> "PARTIAL";
            case FrameSource.Outcome.Failed f -> "FAILED";
        });
        var c = qc.colour();
        var fl = qc.flicker();
        b.add("qc", Json.createObjectBuilder().add("frames", qc.frames()).add("fps", qc.fps())
                .add("width", qc.width()).add("height", qc.height())
                .add("sharpnessMedian", finite(qc.sharpnessMedian())).add("sharpnessP75", finite(qc.sharpnessP75()))
                .add("meanLuma", qc.meanLuma()).add("clippedPercent", qc.clippedPercent())
                .add("crushedPercent", qc.crushedPercent()).add("lockedOff", qc.lockedOff())
                .add("lockedOffFraction", qc.lockedOffFraction())
                .add("flickerPeak", Json.createObjectBuilder().add("hz", fl.hz()).add("amplitude", fl.amplitude())
                        .add("prominence", finite(fl.prominence())))
                .add("colour", Json.createObjectBuilder().add("meanL", c.meanL()).add("meanA", c.meanA())
                        .add("meanB", c.meanB()).add("sdL", c.sdL()).add("sdA", c.sdA()).add("sdB", c.sdB())
                        .add("whiteBalanceRGain", c.rGain()).add("whiteBalanceBGain", c.bGain()))
                .add("findings", qc.findings().size()));
        b.add("perception", r.perception().json());
        JsonArrayBuilder s = Json.createArrayBuilder();
        stills.forEach(s::add);
        b.add("stills", s);
        return b.build();
    }

    private static JsonObject decode(FrameSource.Info i) {
        return Json.createObjectBuilder().add("codec", String.valueOf(i.codec())).add("decoder", i.decoder())
                .add("sourceWidth", i.sourceWidth()).add("sourceHeight", i.sourceHeight())
                .add("analysisWidth", i.width()).add("analysisHeight", i.height())
                .add("frameRate", i.frameRate().toString()).add("rotation", i.rotation())
                .add("transfer", String.valueOf(i.transfer())).add("bitDepth", i.bitDepth()).build();
    }
}
