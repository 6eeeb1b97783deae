package io.setkeeper.appliance.fixes;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.analysis.Stills;
import io.setkeeper.appliance.analysis.perception.Box;
import io.setkeeper.appliance.analysis.perception.Detection;
import io.setkeeper.appliance.analysis.perception.Face;
import io.setkeeper.appliance.analysis.perception.Perception;
import io.setkeeper.appliance.analysis.perception.PersonMask;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.fixes.cdl.CdlMatch;
import io.setkeeper.appliance.fixes.cdl.LookStats;
import io.setkeeper.appliance.fixes.cdl.Pixels;
import io.setkeeper.appliance.fixes.patch.Region;
import io.setkeeper.appliance.fixes.plate.PlateProposal;
import io.setkeeper.appliance.fixes.patch.TemporalFill;
import io.setkeeper.appliance.fixes.reframe.CropPath;
import io.setkeeper.appliance.media.Rational;
import io.setkeeper.appliance.media.Timecodes;
import io.setkeeper.appliance.model.Look;
import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.model.ModelVersion;
import io.setkeeper.appliance.model.PlatePng;
import io.setkeeper.appliance.model.Plates;
import io.setkeeper.appliance.review.ClipRef;
import io.setkeeper.appliance.review.Fix;
import io.setkeeper.appliance.review.ProposedFix;
import io.setkeeper.appliance.review.ReviewException;
import io.setkeeper.appliance.review.ReviewService;
import io.setkeeper.appliance.review.User;
import io.setkeeper.appliance.review.Verdict;
import io.setkeeper.appliance.store.ClipStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposes fixes for a clip on a person's request: reads the clip (never writes it), runs the pure generators
 * ({@link CdlMatch}, {@link CropPath}, {@link TemporalFill}), writes the stills and artefacts under
 * {@code <fixesDir>/<fix id>/} and records the proposal through the {@link ReviewService} gate, where a person
 * decides it. Perception (may be null) masks people for the CDL, tracks the face for a reframe and checks a patch
 * against faces.
 */
public final class FixService implements AutoCloseable {
    /** Analysis size the generators decode at. */
    static final int ANALYSIS_SIDE = 480;
    /** Decode size for patches (the plate is written at this size). */
    static final int PATCH_SIDE = 960;
    private static final int CDL_FRAMES = 6;
    private static final int CDL_PIXELS = 8000;

    private final ClipStore clips;
    private final ModelService model;
    private final ReviewService review;
    private final Perception perception;
    private final Path fixesDir;
    /** Requests hold it shared; {@link #close()} takes it alone, so perception is never closed under a request. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock running =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean closed;

    public FixService(ClipStore clips, ModelService model, ReviewService review, Perception perception,
                      Path fixesDir) {
        this.clips = clips;
        this.model = model;
        this.review = review;
        this.perception = perception;
        this.fixesDir = fixesDir;
    }

    /** Where a fix's stills and artefacts are. */
    public Path dir(String fixId) {
        return fixesDir.resolve(fixId);
    }

    /** Generates the fix the request asks for and proposes it as {@code user}. */
    public ProposedFix propose(User user, long clipId, FixRequest request) {
        running.readLock().lock();
        try {
            if (closed) {
                throw ReviewException.conflict("the appliance is shutting down; ask again after it restarts");
            }
            return generate(user, clipId, request);
        } finally {
            running.readLock().unlock();
        }
    }

    /** Waits for running requests and refuses new ones (call before the perception models are closed). */
    @Override
    public void close() {
        running.writeLock().lock();
        try {
            closed = true;
        } finally {
            running.writeLock().unlock();
        }
    }

    private ProposedFix generate(User user, long clipId, FixRequest request) {
        if (!user.role().canPropose()) {
            throw ReviewException.forbidden("user '" + user.name() + "' has role " + user.role()
                    + " and cannot propose fixes (DIT, DIRECTOR or SUPERVISOR can)");
        }
        Clip clip = clips.clip(clipId).orElseThrow(() -> ReviewException.notFound("no clip " + clipId));
        if (!"VIDEO".equals(clip.kind()) || clip.status() != Clip.Status.PROBED) {
            throw ReviewException.invalid("clip " + clipId + " (" + clip.fileName() + ") is not a probed video clip");
        }
        String kind = switch (request) {
            case FixRequest.Cdl c -> "cdl";
            case FixRequest.Reframe r -> "reframe";
            case FixRequest.Patch p -> "patch";
            case FixRequest.Plate p -> "plate";
        };
        String id = kind + "-" + clipId + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Fix fix = switch (request) {
                case FixRequest.Cdl c -> cdl(id, clip, c);
                case FixRequest.Reframe r -> reframe(id, clip, r);
                case FixRequest.Patch p -> patch(id, clip, p);
                case FixRequest.Plate p -> plate(id, clip);
            };
            return review.propose(user, fix, model.currentRecord().map(ModelVersion::id).orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the stills of " + id, e);
        }
    }

    private Fix.CdlFix cdl(String id, Clip clip, FixRequest.Cdl req) throws IOException {
        ClipFrames.Decoded shot = decodeEven(clip);
        Pixels pixels = Pixels.sample(shot.frames(), masks(shot.frames()), CDL_PIXELS);
        LookStats reference;
        String name;
        if (req.reference().startsWith("clip:")) {
            long refId = Long.parseLong(req.reference().substring(5));
            Clip other = clips.clip(refId).orElseThrow(() -> ReviewException.notFound("no reference clip " + refId));
            ClipFrames.Decoded ref = decodeEven(other);
            reference = LookStats.of(Pixels.sample(ref.frames(), masks(ref.frames()), CDL_PIXELS));
            name = "clip " + refId + " (" + other.fileName() + ")";
        } else {
            boolean scene = req.reference().equals("scene");
            String label = (scene ? clip.slate().scene() : clip.slate().setup()).orElseThrow(() ->
                    ReviewException.invalid("clip " + clip.id() + " has no " + req.reference() + " on its slate; use"
                            + " reference clip:<id>"));
            String key = req.reference() + ":" + label;
            Look look = model.model().looks().get(key);
            if (look == null) {
                throw ReviewException.conflict("the production model has no look for " + req.reference() + " " + label
                        + " yet (learned from analysed clips); use reference clip:<id>");
            }
            reference = LookStats.gaussian(look.mean(), look.covariance());
            name = req.reference() + " " + label + " look (" + look.clips() + " clips)";
        }
        CdlMatch.Match m = CdlMatch.match(pixels, reference, req.limit(), name);
        Frame still = shot.frames().get(shot.frames().size() / 2);
        Path dir = dir(id);
        FixStills.png(Stills.image(still), dir.resolve("before.png"));
        FixStills.png(Stills.image(FixStills.graded(still, m.cdl())), dir.resolve("after.png"));
        List<String> evidence = List.of(stillUrl(id, "before.png"), stillUrl(id, "after.png"),
                String.format(Locale.ROOT, "measure:ciede2000:before=%.2f,after=%.2f,worstBandBefore=%.2f,"
                        + "worstBandAfter=%.2f,limit=%.1f", m.deltaEBefore(), m.deltaEAfter(), m.worstBandBefore(),
                        m.worstBandAfter(), m.limit()));
        return new Fix.CdlFix(id, target(clip), m.cdl(), name, m.verdict(), evidence);
    }

    private Fix.ReframeFix reframe(String id, Clip clip, FixRequest.Reframe req) throws IOException {
        if (perception == null) {
            throw ReviewException.conflict("a reframe tracks the performer's face and this appliance has no "
                    + "perception models loaded");
        }
        // faces are looked for in at most 10 frames per second of clip time
        double clipFps = clip.fps().map(f -> Rational.parse(f).toDouble()).filter(f -> f > 0).orElse(25.0);
        int every = (int) Math.max(1, Math.round(clipFps / 10));
        ClipFrames.Decoded d = ClipFrames.select(clip.mediaPath(), ANALYSIS_SIDE, i -> i % every == 0,
                Long.MAX_VALUE);
        if (d.frames().isEmpty()) {
            throw ReviewException.invalid("clip " + clip.id() + " (" + clip.fileName() + ") has no decodable frames");
        }
        double fps = d.info().frameRate().toDouble();
        List<Frame> sampled = d.frames();
        List<Long> indices = d.indices();
        List<CropPath.Observation> subject = FixGenerators.subject(sampled, indices, perception, 1);
        Frame first = d.frames().getFirst();
        CropPath.Plan plan = CropPath.plan(first.width(), first.height(), d.decoded(), fps, req.aspect(), subject,
                CropPath.Settings.defaults());
        // the path in source pixels: the same aspect's crop of the source picture, positions scaled and kept inside
        int sw = d.info().sourceWidth(), sh = d.info().sourceHeight();
        int[] size = req.aspect().cropSize(sw, sh);
        double sx = (double) sw / first.width(), sy = (double) sh / first.height();
        StringBuilder csv = new StringBuilder("frame,x,y,w,h\n");
        for (CropPath.Crop c : plan.crops()) {
            long x = Math.max(0, Math.min(sw - size[0], Math.round(c.x() * sx)));
            long y = Math.max(0, Math.min(sh - size[1], Math.round(c.y() * sy)));
            csv.append(c.frame()).append(',').append(x).append(',').append(y).append(',').append(size[0]).append(',')
                    .append(size[1]).append('\n');
        }
        Path dir = dir(id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("crop-path.csv"), csv, StandardCharsets.UTF_8);
        int mid = d.frames().size() / 2;
        CropPath.Crop crop = plan.crops().get((int) Math.min(plan.crops().size() - 1, d.indices().get(mid)));
        FixStills.png(FixStills.withCrop(d.frames().get(mid), crop), dir.resolve("before.png"));
        FixStills.png(FixStills.cropped(d.frames().get(mid), crop), dir.resolve("after.png"));
        List<String> evidence = List.of(stillUrl(id, "before.png"), stillUrl(id, "after.png"),
                stillUrl(id, "crop-path.csv"), String.format(Locale.ROOT, "measure:reframe:faceInside=%.3f,"
                        + "faceTooBig=%d,largestStepPx=%.1f,meanStepPx=%.2f (analysis pixels)", plan.faceInside(),
                        plan.faceTooBig(), plan.largestStep(), plan.meanStep()));
        return new Fix.ReframeFix(id, target(clip), req.aspect().name(), "fixes/" + id + "/crop-path.csv",
                plan.verdict(), evidence);
    }

    private Fix.PatchFix patch(String id, Clip clip, FixRequest.Patch req) throws IOException {
        int half = TemporalFill.Settings.defaults().neighbours() / 2;
        ClipFrames.Decoded d = ClipFrames.select(clip.mediaPath(), PATCH_SIDE,
                i -> i >= req.first() - half && i <= req.last() + half, req.last() + half);
        if (d.frames().isEmpty() || d.indices().getLast() < req.first()) {
            throw ReviewException.invalid("frames " + req.first() + "-" + req.last() + " are outside the clip ("
                    + d.decoded() + " frames decoded)");
        }
        Frame any = d.frames().getFirst();
        if (!req.region().fitsIn(d.info().sourceWidth(), d.info().sourceHeight())) {
            throw ReviewException.invalid("the region " + req.region() + " does not fit the "
                    + d.info().sourceWidth() + "x" + d.info().sourceHeight() + " picture");
        }
        Region region = req.region().scaled((double) any.width() / d.info().sourceWidth(),
                (double) any.height() / d.info().sourceHeight());
        region = new Region(Math.min(region.x(), any.width() - 1), Math.min(region.y(), any.height() - 1),
                Math.min(region.w(), any.width() - Math.min(region.x(), any.width() - 1)),
                Math.min(region.h(), any.height() - Math.min(region.y(), any.height() - 1)));
        List<TemporalFill.Indexed> frames = new ArrayList<>();
        List<Frame> inRange = new ArrayList<>();
        for (int i = 0; i < d.frames().size(); i++) {
            frames.add(new TemporalFill.Indexed(d.indices().get(i), d.frames().get(i)));
            if (d.indices().get(i) >= req.first() && d.indices().get(i) <= req.last()) {
                inRange.add(d.frames().get(i));
            }
        }
        List<Box> faces = new ArrayList<>();
        if (perception != null) {
            for (Frame f : List.of(inRange.getFirst(), inRange.get(inRange.size() / 2), inRange.getLast())) {
                perception.faces(f).stream().map(Face::box).forEach(faces::add);
            }
        }
        TemporalFill.Patch p = TemporalFill.fill(frames, req.first(), req.last(), region, faces,
                TemporalFill.Settings.defaults());
        Path dir = dir(id);
        Frame still = inRange.get(inRange.size() / 2);
        FixStills.png(FixStills.mask(any.width(), any.height(), region), dir.resolve("mask.png"));
        FixStills.png(FixStills.image(region.w(), region.h(), p.fill()), dir.resolve("plate.png"));
        FixStills.png(Stills.image(still), dir.resolve("before.png"));
        FixStills.png(Stills.image(p.applyTo(still)), dir.resolve("after.png"));
        List<String> evidence = new ArrayList<>(List.of(stillUrl(id, "before.png"), stillUrl(id, "after.png"),
                stillUrl(id, "mask.png"), stillUrl(id, "plate.png"), String.format(Locale.ROOT,
                        "measure:patch:neighbours=%d,unstable=%.3f,region=%d,%d,%dx%d at %dx%d", p.neighbours().size(),
                        p.unstable(), region.x(), region.y(), region.w(), region.h(), any.width(), any.height())));
        if (perception == null) {
            evidence.add("note: faces not checked (no perception models loaded)");
        }
        Region r = req.region();
        return new Fix.PatchFix(id, target(clip), req.first(), req.last(), r.x(), r.y(), r.w(), r.h(),
                "fixes/" + id + "/mask.png", "fixes/" + id + "/plate.png", p.verdict(), evidence);
    }

    private Fix.PlateFix plate(String id, Clip clip) throws IOException {
        String setup = clip.slate().setup().or(() -> model.prediction(clip.fileName())
                .map(p -> p.setup().predicted())).orElseThrow(() -> ReviewException.invalid("clip " + clip.id()
                + " (" + clip.fileName() + ") has no slate setup and the production model has not placed it: no"
                + " plate can be chosen"));
        Plates plates = model.model().plates();
        Optional<Plates.Summary> summary = plates.summaries().stream().filter(s -> s.setup().equals(setup))
                .findFirst();
        Optional<Plates.Image> plate = summary.flatMap(s -> plates.image(setup));
        Verdict verdict = PlateProposal.verdict(setup, summary.filter(s -> plate.isPresent()), PlateProposal.MAX_HOLES);
        List<Frame> three = decodeEven(clip, 3).frames();
        Frame still = three.get(three.size() / 2);
        Path dir = dir(id);
        FixStills.png(Stills.image(still), dir.resolve("before.png"));
        List<String> evidence = new ArrayList<>(List.of(stillUrl(id, "before.png")));
        String artefact = "none";
        if (plate.isPresent()) {
            Plates.Image img = plate.get();
            Files.write(dir.resolve("plate.png"), PlatePng.plate(img));
            FixStills.png(Stills.image(PlateProposal.over(img, still)), dir.resolve("after.png"));
            BufferedImage mask = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_BYTE_GRAY);
            mask.getRaster().setDataElements(0, 0, img.width(), img.height(), PlateProposal.holes(img));
            FixStills.png(mask, dir.resolve("mask.png"));
            Plates.Summary s = summary.get();
            evidence.addAll(List.of(stillUrl(id, "after.png"), stillUrl(id, "mask.png"), stillUrl(id, "plate.png"),
                    String.format(Locale.ROOT, "measure:plate:setup=%s,holes=%.4f,limit=%.2f,takes=%d,frames=%d,"
                            + "size=%dx%d", setup, s.holeFraction(), PlateProposal.MAX_HOLES, s.clips(), s.frames(),
                            s.width(), s.height())));
            artefact = "fixes/" + id + "/plate.png";
        } else {
            evidence.add("measure:plate:setup=" + setup + ",plates=" + String.join(" ", plates.summaries().stream()
                    .map(p -> "'" + p.setup() + "'(" + p.clips() + " takes)").toList()));
        }
        return new Fix.PlateFix(id, target(clip), artefact, verdict, evidence);
    }

    private static ClipFrames.Decoded decodeEven(Clip clip) {
        return decodeEven(clip, CDL_FRAMES);
    }

    private static ClipFrames.Decoded decodeEven(Clip clip, int count) {
        ClipFrames.Decoded d = ClipFrames.even(clip.mediaPath(), ANALYSIS_SIDE, count);
        if (d.frames().isEmpty()) {
            throw ReviewException.invalid("clip " + clip.id() + " (" + clip.fileName() + ") has no decodable frames");
        }
        return d;
    }

    /** People left out of the colour statistics: the person mask and person boxes, where perception runs. */
    private List<Mask> masks(List<Frame> frames) {
        List<Mask> out = new ArrayList<>();
        for (Frame f : frames) {
            if (perception == null) {
                out.add(Mask.NONE);
                continue;
            }
            PersonMask pm = perception.personMask(f);
            List<Box> people = perception.objects(f).stream().filter(Detection::isPerson).map(Detection::box).toList();
            out.add((x, y) -> pm.personAt(x, y, f.width(), f.height()) || people.stream().anyMatch(b ->
                    x >= b.x1() && x <= b.x2() && y >= b.y1() && y <= b.y2()));
        }
        return out;
    }

    private static String stillUrl(String id, String name) {
        return "/api/fixes/" + id + "/stills/" + name;
    }

    /** The clip as the interchange formats name it: reel, scene, take, circled and its source range in frames. */
    static ClipRef target(Clip clip) {
        long start = 0, length = 1;
        if (clip.fps().isPresent()) {
            try {
                Rational fps = Rational.parse(clip.fps().get());
                if (clip.startTimecode().isPresent()) {
                    start = Timecodes.toFrames(clip.startTimecode().get(), (int) fps.num(), (int) fps.den());
                }
                length = Math.max(1, Math.round(clip.durationSeconds().orElse(0.0) * fps.toDouble()));
            } catch (RuntimeException e) {
                // no usable rate or timecode: the range stays 0..1
            }
        }
        return new ClipRef(clip.fileName(), clip.roll().or(clip.slate()::camroll).orElse(null),
                clip.slate().scene().orElse(""), clip.slate().take().orElse(""),
                clip.slate().circled().orElse(false), start, start + length);
    }
}
