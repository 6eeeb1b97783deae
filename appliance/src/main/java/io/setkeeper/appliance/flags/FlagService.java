package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.analysis.ClipAnalysis;
import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.perception.FramePerception;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.clips.SlateEntry;
import io.setkeeper.appliance.continuity.ClipFacts;
import io.setkeeper.appliance.continuity.Continuity;
import io.setkeeper.appliance.continuity.FactsGatherer;
import io.setkeeper.appliance.continuity.Finding;
import io.setkeeper.appliance.continuity.Thresholds;
import io.setkeeper.appliance.outbox.Outbox;
import io.setkeeper.appliance.review.Decision;
import io.setkeeper.appliance.review.ReviewService;
import io.setkeeper.appliance.review.Subject;
import io.setkeeper.appliance.store.FlagStore;
import io.setkeeper.protocol.messages.FlagRaised;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Raises continuity flags as each clip is analysed: gathers the clip's facts, stores them, re-runs the pure checks
 * over the clip's scene, and for each finding not raised before writes its evidence, stores the flag, puts a
 * FlagRaised in the outbox and tells the live stream. Flags are decided through the approval gate (a FLAG
 * resolver); a decision is kept by flag id, so a flag found again after a re-run stays decided. Register with
 * {@code AnalysisService.onAnalysed}. All file and store I/O of continuity happens here.
 */
public final class FlagService implements BiConsumer<Clip, ClipAnalysis.Result> {
    private static final Logger LOG = Logger.getLogger(FlagService.class.getName());
    /** Evidence file names that may be served. */
    public static final Pattern EVIDENCE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}\\.png");

    private final String production;
    private final FlagStore store;
    private final Outbox outbox;
    private final ReviewService review;
    private final Path dir;
    private final Thresholds thresholds;
    private final Clock clock;
    private final FlagEvents events = new FlagEvents();

    /** @param dir where frames ({@code frames/<clipId>.png}) and evidence ({@code evidence/<flagId>/}) are written */
    public FlagService(String production, FlagStore store, Outbox outbox, ReviewService review, Path dir,
                       Thresholds thresholds, Clock clock) {
        this.production = production;
        this.store = store;
        this.outbox = outbox;
        this.review = review;
        this.dir = dir;
        this.thresholds = thresholds;
        this.clock = clock;
        review.registerResolver(Subject.Type.FLAG, id -> store.flag(id).map(f -> new Subject(Subject.Type.FLAG, id,
                f.evidence().stream().map(n -> evidence(id, n).toString()).toList(), null)));
        review.onDecided(this::decided);
    }

    public FlagEvents events() {
        return events;
    }

    @Override
    public void accept(Clip clip, ClipAnalysis.Result result) {
        try {
            raiseFor(clip, result);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "continuity checks failed for clip " + clip.fileName() + ": " + e.getMessage(), e);
        }
    }

    private void raiseFor(Clip clip, ClipAnalysis.Result result) throws IOException {
        if (result.perceived().isEmpty()) {
            return; // no perceived frames (QC-only run): nothing to compare
        }
        List<Frame> frames = result.perceived().stream().map(ClipAnalysis.Perceived::frame).toList();
        List<FramePerception> seen = result.perceived().stream().map(ClipAnalysis.Perceived::seen).toList();
        ClipFacts facts = FactsGatherer.gather(slate(clip, result), frames, seen);
        Path still = Evidence.writeFrame(frames.get(frames.size() / 2), dir.resolve("frames").resolve(clip.id() + ".png"));
        record(facts.withStill(still.toString()));
    }

    /** Stores a clip's facts and raises what the checks over its scene find; returns the flags raised now. */
    public synchronized List<Flag> record(ClipFacts facts) throws IOException {
        store.saveFacts(production, facts.clipId(), facts.scene(), FactsJson.write(facts), clock.instant());
        if (facts.scene() == null) {
            return List.of();
        }
        List<ClipFacts> scene = store.factsOfScene(production, facts.scene()).stream().map(FactsJson::read).toList();
        Map<Long, String> stills = new java.util.HashMap<>();
        scene.forEach(c -> stills.put(c.clipId(), c.still()));
        List<Flag> raised = new ArrayList<>();
        for (Finding f : Continuity.evaluate(scene, thresholds)) {
            String id = Flag.idOf(f);
            if (store.flag(id).isPresent()) {
                store.insertIfNew(Flag.of(production, f, List.of(), clock.instant())); // found again: seen now
                continue;
            }
            List<Path> frames = f.clipIds().stream().map(c -> stills.get(c) == null ? null : Path.of(stills.get(c)))
                    .toList();
            Evidence.writeSideBySide(f, frames, evidence(id, "side-by-side.png"));
            Flag flag = Flag.of(production, f, List.of("side-by-side.png"), clock.instant());
            if (store.insertIfNew(flag)) {
                raised.add(flag);
                outbox.enqueue(new FlagRaised(flag.id(), flag.kind().name().toLowerCase(java.util.Locale.ROOT),
                        "warning", flag.clips().getFirst(), null, null, flag.summary(), flag.numbers(),
                        flag.evidence().stream().map(n -> "flags/" + flag.id() + "/evidence/" + n).toList()));
                events.emit(new FlagEvents.Event("raised", flag, state(flag.id())));
            }
        }
        return raised;
    }

    /** A flag's state: OPEN, or the decision (APPROVE, REJECT, ACCEPT_AS_INTENT). */
    public String state(String flagId) {
        return review.decisionOn(Subject.Type.FLAG, flagId).map(d -> d.decision().name()).orElse("OPEN");
    }

    public Optional<Decision> decision(String flagId) {
        return review.decisionOn(Subject.Type.FLAG, flagId);
    }

    /** The clips of a scene whose facts are stored (that the checks compare). */
    public List<String> clipsChecked(String scene) {
        return store.factsOfScene(production, scene).stream().map(FactsJson::read).map(ClipFacts::clip).toList();
    }

    public List<Flag> flags() {
        return store.flags(production);
    }

    public Optional<Flag> flag(String id) {
        return store.flag(id);
    }

    /** An evidence file of a flag (the name is checked against {@link #EVIDENCE_NAME} by callers). */
    public Path evidence(String flagId, String name) {
        return dir.resolve("evidence").resolve(flagId).resolve(name);
    }

    private void decided(Decision d) {
        if (d.subjectType() == Subject.Type.FLAG) {
            store.flag(d.subjectId()).ifPresent(f -> events.emit(new FlagEvents.Event("decided", f, d.decision().name())));
        }
    }

    /** The clip's slate and camera from the stores and the decoder; the sound slate from a matched sound file. */
    static FactsGatherer.Slate slate(Clip clip, ClipAnalysis.Result r) {
        double fps = r.info().map(i -> i.frameRate() == null ? 0 : i.frameRate().toDouble()).orElse(0.0);
        int w = r.info().map(i -> i.sourceWidth()).orElse(clip.width().orElse(0));
        int h = r.info().map(i -> i.sourceHeight()).orElse(clip.height().orElse(0));
        String transfer = r.info().map(i -> i.transfer() == null ? null : i.transfer().name()).orElse(null);
        String camera = clip.slate().sources().stream().map(SlateEntry::camera).flatMap(Optional::stream).findFirst()
                .orElse(clip.camera().orElse(null));
        ClipFacts.Camera cam = new ClipFacts.Camera(camera, fps, w, h, transfer, tags(clip.probeJson()));
        ClipFacts.SoundSlate sound = clip.slate().sources().stream()
                .filter(e -> e.source() == SlateEntry.Source.SOUND).findFirst()
                .map(e -> new ClipFacts.SoundSlate(e.scene().orElse(null), e.take().orElse(null), e.sourceFile()))
                .orElse(null);
        return new FactsGatherer.Slate(clip.id(), clip.fileName(), clip.slate().scene().orElse(null),
                clip.slate().setup().orElse(null), clip.slate().take().orElse(null), cam, sound);
    }

    private static Map<String, String> tags(String probeJson) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (probeJson == null || probeJson.isBlank()) {
            return out;
        }
        try {
            jakarta.json.JsonObject o = jakarta.json.Json.createReader(new java.io.StringReader(probeJson)).readObject();
            if (o.containsKey("cameraTags")) {
                o.getJsonObject("cameraTags").forEach((k, v) -> {
                    if (v instanceof jakarta.json.JsonString s && List.of("make", "model", "lens", "whiteBalance",
                            "shutter", "iso").contains(k)) {
                        out.put(k, s.getString());
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "probe JSON unreadable: " + e.getMessage());
        }
        return out;
    }
}
