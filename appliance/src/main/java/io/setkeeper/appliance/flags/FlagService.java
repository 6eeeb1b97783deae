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
import io.setkeeper.appliance.coverage.CoverageBoard;
import io.setkeeper.appliance.coverage.SceneCoverage;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
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
    private volatile LongFunction<Optional<Clip>> clips = id -> Optional.empty();

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

    /** Where a flag's clip is looked up for the timecode range in FlagRaised (none by default). */
    public void useClips(LongFunction<Optional<Clip>> lookup) {
        this.clips = lookup;
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
        Set<String> found = new HashSet<>();
        for (Finding f : Continuity.evaluate(scene, thresholds)) {
            String id = Flag.idOf(f);
            found.add(id);
            if (store.flag(id).isPresent()) {
                store.insertIfNew(Flag.of(production, f, List.of(), clock.instant())); // found again: seen now
                reopened(id).ifPresent(raised::add);
                continue;
            }
            List<Path> frames = f.clipIds().stream().map(c -> stills.get(c) == null ? null : Path.of(stills.get(c)))
                    .toList();
            Evidence.writeSideBySide(f, frames, evidence(id, "side-by-side.png"));
            Flag flag = Flag.of(production, f, List.of("side-by-side.png"), clock.instant());
            if (store.insertIfNew(flag)) {
                raised.add(flag);
                announce(flag);
            }
        }
        // a continuity flag of this scene the checks no longer find (its clips re-analysed, a threshold changed)
        Set<Long> checked = new HashSet<>(scene.stream().map(ClipFacts::clipId).toList());
        for (Flag f : store.flags(production)) {
            if (!f.coverage() && !f.resolved() && facts.scene().equals(f.scene()) && !found.contains(f.id())
                    && checked.containsAll(f.clipIds())) {
                resolve(f, "no longer found by the continuity checks over the clips of scene " + f.scene());
            }
        }
        return raised;
    }

    /**
     * Raises the coverage flags a board holds (evidence: a card of the scene's setups with the takes' stills), opens
     * again those found again, and resolves the stored ones the board no longer raises. Returns the flags raised
     * (or raised again) now. {@code stillsDir} holds the analysis stills ({@code <clipId>/<still>}).
     */
    public synchronized List<Flag> raiseCoverage(CoverageBoard board, Path stillsDir) throws IOException {
        List<Flag> raised = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (CoverageFlagging.Raise r : CoverageFlagging.of(board)) {
            String id = r.id();
            if (!found.add(id)) {
                continue;
            }
            Flag flag = new Flag(id, production, r.kind(), r.scene(), r.setup(), r.clipIds(), r.clips(), r.subject(),
                    r.summary(), r.numbers(), null, List.of("setups.png"), clock.instant(), clock.instant(), null,
                    null);
            if (store.flag(id).isPresent()) {
                store.insertIfNew(flag); // found again: seen now
                reopened(id).ifPresent(raised::add);
                continue;
            }
            SceneCoverage scene = board.scene(r.scene()).orElseThrow();
            CoverageCard.write(r, scene, board.takesOf(r.scene()), stillsDir, evidence(id, "setups.png"));
            if (store.insertIfNew(flag)) {
                raised.add(flag);
                announce(flag);
            }
        }
        for (Flag f : store.flags(production)) {
            if (f.coverage() && !f.resolved() && !found.contains(f.id())) {
                resolve(f, CoverageFlagging.resolution(f, board));
            }
        }
        return raised;
    }

    private Optional<Flag> reopened(String id) {
        if (!store.reopen(id, clock.instant())) {
            return Optional.empty();
        }
        Flag flag = store.flag(id).orElseThrow();
        announce(flag);
        return Optional.of(flag);
    }

    private void resolve(Flag f, String why) {
        if (store.resolve(f.id(), clock.instant(), why)) {
            store.flag(f.id()).ifPresent(r -> events.emit(new FlagEvents.Event("resolved", r, state(r))));
        }
    }

    /** FlagRaised into the outbox (with the timecode range of the clip at fault, where known) and the live stream. */
    private void announce(Flag flag) {
        Optional<TimecodeRange> tc = !flag.coverage() && !flag.clipIds().isEmpty()
                ? clips.apply(flag.clipIds().getFirst()).flatMap(TimecodeRange::of) : Optional.empty();
        String clip = flag.clips().isEmpty() ? "scene:" + flag.scene() : flag.clips().getFirst();
        outbox.enqueue(new FlagRaised(flag.id(), flag.kind().toLowerCase(Locale.ROOT), "warning", clip,
                tc.map(TimecodeRange::in).orElse(null), tc.map(TimecodeRange::out).orElse(null), flag.summary(),
                flag.numbers(), flag.evidence().stream().map(n -> "flags/" + flag.id() + "/evidence/" + n).toList()));
        events.emit(new FlagEvents.Event("raised", flag, state(flag)));
    }

    /**
     * A flag's state: the decision (APPROVE, REJECT, ACCEPT_AS_INTENT) once decided, else RESOLVED when it no
     * longer holds, else OPEN.
     */
    public String state(String flagId) {
        return store.flag(flagId).map(this::state).orElse("OPEN");
    }

    public String state(Flag flag) {
        return review.decisionOn(Subject.Type.FLAG, flag.id()).map(d -> d.decision().name())
                .orElse(flag.resolved() ? "RESOLVED" : "OPEN");
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
