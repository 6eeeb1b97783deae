package io.setkeeper.protocol.interchange;

import io.setkeeper.protocol.interchange.ale.AleClip;
import io.setkeeper.protocol.interchange.ale.AleWriter;
import io.setkeeper.protocol.interchange.cdl.CdlDocument;
import io.setkeeper.protocol.interchange.cdl.CdlXml;
import io.setkeeper.protocol.interchange.edl.Edl;
import io.setkeeper.protocol.interchange.edl.EdlEvent;
import io.setkeeper.protocol.interchange.edl.EdlWriter;
import io.setkeeper.protocol.interchange.otio.OtioCdl;
import io.setkeeper.protocol.interchange.otio.OtioItem;
import io.setkeeper.protocol.interchange.otio.OtioJson;
import io.setkeeper.protocol.interchange.otio.OtioTimeline;
import io.setkeeper.protocol.interchange.otio.TimeRange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CDL everywhere: the same approved fixes written as .cc (one per clip), .ccc, .cdl, Avid ALE, CMX3600 EDL and
 * OTIO, by the appliance and the sync-service alike. The texts are pure functions of the clips; {@link #writeAll}
 * is the only I/O. In the EDL and OTIO the clips are laid end to end from record timecode 01:00:00:00.
 */
public final class InterchangeExport {
    private InterchangeExport() {
    }

    /** A .cc for one clip, its CDL id the clip name. */
    public static String cc(ExportClip clip) {
        return CdlXml.writeCc(clip.namedCdl());
    }

    /** A .ccc of all clips' CDLs, ids the clip names. */
    public static String ccc(List<ExportClip> clips) {
        return CdlXml.writeCcc(clips.stream().map(ExportClip::namedCdl).toList());
    }

    /** A .cdl: one ColorDecision per clip, MediaRef the media URL when known, else the clip name. */
    public static String cdl(List<ExportClip> clips) {
        return CdlXml.writeCdl(clips.stream().map(c -> new CdlDocument.Entry(c.namedCdl(),
                Optional.of(c.mediaUrl().orElse(c.clipName())), CdlDocument.Style.FWD)).toList());
    }

    /**
     * An ALE with Name, Scene, Take, Circled, ASC_SOP, ASC_SAT, Tape and Start/End/Duration timecodes (drop-frame
     * text and FPS 29.97 / 59.94 when {@code dropFrame}).
     */
    public static String ale(int fps, boolean dropFrame, List<ExportClip> clips) {
        Edl clock = Edl.of("", fps, dropFrame, List.of());
        List<AleClip> rows = clips.stream().map(c -> {
            Map<String, String> other = new LinkedHashMap<>();
            other.put("Tape", c.reel());
            other.put("Start", clock.timecode(c.sourceIn()));
            other.put("End", clock.timecode(c.sourceOut()));
            other.put("Duration", clock.timecode(c.frames()));
            return AleClip.of(c.clipName(), c.scene(), c.take(), c.circled(), c.namedCdl(), other);
        }).toList();
        String rate = !dropFrame ? Integer.toString(fps) : fps == 30 ? "29.97" : "59.94";
        return AleWriter.write(rate, Map.of(), rows);
    }

    /** A CMX3600 EDL with one cut per clip and its *ASC_SOP / *ASC_SAT lines. */
    public static String edl(String title, int fps, boolean dropFrame, List<ExportClip> clips) {
        Edl empty = Edl.of(title, fps, dropFrame, List.of());
        long record = empty.frames(dropFrame ? "01:00:00;00" : "01:00:00:00");
        List<EdlEvent> events = new ArrayList<>();
        for (ExportClip c : clips) {
            events.add(EdlEvent.cut(String.format("%03d", events.size() + 1), c.reel(), c.sourceIn(), c.sourceOut(),
                    record, record + c.frames(), c.clipName(), c.namedCdl()));
            record += c.frames();
        }
        return EdlWriter.write(Edl.of(title, fps, dropFrame, events));
    }

    /**
     * An OTIO timeline with one video track; each clip carries {@code metadata.cdl} and
     * {@code metadata.setkeeper} = {approval, scene, take, circled, reel}.
     */
    public static String otio(String title, int fps, List<ExportClip> clips) {
        List<OtioItem> items = clips.stream().<OtioItem>map(c -> {
            JsonObject setkeeper = Json.createObjectBuilder().add(OtioCdl.APPROVAL, c.approval())
                    .add("scene", c.scene()).add("take", c.take()).add("circled", c.circled()).add("reel", c.reel())
                    .build();
            JsonObject metadata = Json.createObjectBuilder().add(OtioCdl.CDL, OtioCdl.toJson(c.cdl()))
                    .add(OtioCdl.SETKEEPER, setkeeper).build();
            return new OtioItem.Clip(c.clipName(), Optional.of(TimeRange.frames(c.sourceIn(), c.frames(), fps)),
                    c.mediaUrl(), metadata, List.of());
        }).toList();
        return OtioJson.write(new OtioTimeline(title, JsonValue.EMPTY_JSON_OBJECT,
                List.of(new OtioTimeline.Track("V1", "Video", items))));
    }

    /**
     * Writes {@code base.ccc}, {@code base.cdl}, {@code base.ale}, {@code base.edl}, {@code base.otio} and one
     * {@code <clip>.cc} per clip into {@code dir}, each through a temporary file and a move so that no reader sees
     * half a file. Returns the files by name. All texts are built before the first file is written, so a clip
     * that no format can take (a reel with spaces, a tab in a name, a repeated clip name) fails the batch before anything is written.
     */
    public static Map<String, Path> writeAll(Path dir, String base, String title, int fps, boolean dropFrame,
            List<ExportClip> clips) throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ExportClip c : clips) {
            if (!names.add(safe(c.clipName()))) {
                throw new IllegalArgumentException("clip names must be unique in an export batch (they are CDL ids"
                        + " and .cc file names): '" + c.clipName() + "' repeats");
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(safe(base) + ".ccc", ccc(clips));
        texts.put(safe(base) + ".cdl", cdl(clips));
        texts.put(safe(base) + ".ale", ale(fps, dropFrame, clips));
        texts.put(safe(base) + ".edl", edl(title, fps, dropFrame, clips));
        texts.put(safe(base) + ".otio", otio(title, fps, clips));
        for (ExportClip c : clips) {
            texts.put(safe(c.clipName()) + ".cc", cc(c));
        }
        Files.createDirectories(dir);
        Map<String, Path> written = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Path tmp = dir.resolve(e.getKey() + ".tmp");
            Files.writeString(tmp, e.getValue());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.put(e.getKey(), target);
        }
        return written;
    }

    /** A file name part: letters, digits, dot, dash and underscore; anything else becomes an underscore. */
    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
