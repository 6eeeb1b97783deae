package io.setkeeper.appliance.clips;

import io.setkeeper.appliance.media.AudioTrack;
import io.setkeeper.appliance.media.ProbeData;
import io.setkeeper.appliance.media.VideoTrack;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The stored JSON document of a clip's probe data (schema {@code setkeeper.probe}, version 1). */
final class ProbeJson {
    private ProbeJson() {
    }

    static JsonObject of(ProbeData p) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("schema", "setkeeper.probe").add("version", 1)
                .add("kind", p.kind().name()).add("container", p.container())
                .add("containerLongName", p.containerLongName()).add("sizeBytes", p.sizeBytes())
                .add("durationSeconds", p.durationMicros() / 1e6);
        p.startTimecode().ifPresent(tc -> b.add("startTimecode", Json.createObjectBuilder().add("text", tc.text())
                .add("dropFrame", tc.dropFrame()).add("source", tc.source())));
        p.video().ifPresent(v -> b.add("video", video(v)));
        JsonArrayBuilder audio = Json.createArrayBuilder();
        for (AudioTrack a : p.audio()) {
            audio.add(Json.createObjectBuilder().add("index", a.index()).add("codec", a.codec())
                    .add("channels", a.channels()).add("sampleRate", a.sampleRate()));
        }
        b.add("audio", audio);
        JsonObjectBuilder tags = Json.createObjectBuilder();
        p.cameraTags().forEach(tags::add);
        return b.add("cameraTags", tags).build();
    }

    private static JsonObject video(VideoTrack v) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("codec", v.codec()).add("width", v.width())
                .add("height", v.height()).add("displayWidth", v.displayWidth())
                .add("displayHeight", v.displayHeight()).add("frameCount", v.frameCount())
                .add("frameCountSource", v.frameCountSource().name()).add("rotation", v.rotation())
                .add("transfer", v.transfer().name()).add("transferName", v.transferName())
                .add("primaries", v.primaries()).add("pixelFormat", v.pixelFormat()).add("bitDepth", v.bitDepth());
        if (v.frameRate() != null) {
            b.add("frameRate", v.frameRate().toString()).add("fps", v.frameRate().toDouble());
        }
        if (v.averageFrameRate() != null) {
            b.add("averageFrameRate", v.averageFrameRate().toString());
        }
        return b.build();
    }
}
