package io.setkeeper.appliance.coverage;

import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.model.CharacterPrediction;
import io.setkeeper.appliance.model.ClipFeatures;
import io.setkeeper.appliance.model.ClipPrediction;
import io.setkeeper.appliance.model.ModelService;
import io.setkeeper.appliance.model.SetupPrediction;
import io.setkeeper.appliance.plan.Plan;
import io.setkeeper.appliance.plan.PlanService;
import io.setkeeper.appliance.plan.ShotSize;
import io.setkeeper.appliance.store.AnalysisStore;
import io.setkeeper.appliance.store.ClipStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers what coverage needs from the stores (the edge; {@link Coverage#evaluate} decides): the plan, every video
 * clip with its slate, its QC findings, the production model's prediction (characters seen, setup against the
 * slate) and the features it learned from (for the shot size of each face).
 */
public final class CoverageService {
    /** The analysis still shown for a take. */
    public static final String STILL = "representative.jpg";
    /**
     * Sampled frames an unnamed face must be seen in to count as someone in frame (as the model already asks of a
     * person seen without a face): a face found in one sampled frame only is most often a false detection.
     */
    public static final int MIN_SIGHTINGS = 2;
    /** Centre distance, in face widths, under which an unnamed face track is taken for a named face. */
    public static final double SAME_FACE = 1.5;

    private final String production;
    private final PlanService plan;
    private final ClipStore clips;
    private final AnalysisStore analyses;
    private final ModelService model;
    private final Path stillsDir;
    private final Clock clock;

    public CoverageService(String production, PlanService plan, ClipStore clips, AnalysisStore analyses,
                           ModelService model, Path stillsDir, Clock clock) {
        this.production = production;
        this.plan = plan;
        this.clips = clips;
        this.analyses = analyses;
        this.model = model;
        this.stillsDir = stillsDir;
        this.clock = clock;
    }

    public Path stillsDir() {
        return stillsDir;
    }

    public PlanService plan() {
        return plan;
    }

    /** The board now; {@code day} overrides the stored scenes of the day when not empty. */
    public CoverageBoard board(List<String> day) {
        Plan p = plan.current();
        List<String> today = day.isEmpty() ? p.day() : day;
        Map<Long, List<AnalysisStore.FindingRow>> findings = analyses.findingsOf(production).stream()
                .collect(Collectors.groupingBy(AnalysisStore.FindingRow::clipId));
        List<TakeRecord> takes = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (Clip c : clips.clips(production)) {
            if (!"VIDEO".equals(c.kind()) || c.status() != Clip.Status.PROBED) {
                continue;
            }
            String state = analyses.analysis(c.id()).map(a -> a.state().name()).orElse("NONE");
            Optional<ClipPrediction> prediction = model.prediction(c.fileName());
            Optional<ClipFeatures> features = model.model().features(c.fileName());
            Optional<String> still = Files.isRegularFile(stillsDir.resolve(Long.toString(c.id())).resolve(STILL))
                    ? Optional.of(STILL) : Optional.empty();
            Optional<TakeRecord> take = take(c, state, findings.getOrDefault(c.id(), List.of()), prediction, features,
                    still);
            take.ifPresentOrElse(takes::add, () -> unplaced.add(c.fileName()));
        }
        List<SceneCoverage> scenes = Coverage.evaluate(p.scenes(), p.setups(), takes.stream().map(TakeRecord::take)
                .toList(), Coverage.SINGLE_SIZES, new LinkedHashSet<>(today));
        takes.sort(java.util.Comparator.comparing((TakeRecord t) -> t.take().setup())
                .thenComparingInt(t -> t.take().take()));
        return new CoverageBoard(production, clock.instant(), today, scenes, takes, unplaced);
    }

    /**
     * One clip as a take, or empty when nothing places it (no slate setup and no model placement). Pure.
     */
    static Optional<TakeRecord> take(Clip c, String analysisState, List<AnalysisStore.FindingRow> findings,
                                     Optional<ClipPrediction> prediction, Optional<ClipFeatures> features,
                                     Optional<String> still) {
        Optional<SetupPrediction> setupCheck = prediction.map(ClipPrediction::setup);
        String placedBy = "SLATE";
        double confidence = 1;
        String setup = c.slate().setup().orElse(null);
        if (setup == null) {
            SetupPrediction s = setupCheck.orElse(null);
            if (s == null || s.predicted() == null) {
                return Optional.empty();
            }
            setup = s.predicted();
            placedBy = "MODEL";
            confidence = s.confidence();
        }
        String scene = c.slate().scene().filter(s -> !s.isBlank()).orElse(setup.replaceAll("[^0-9].*$", ""));
        if (scene.isEmpty()) {
            scene = setup;
        }
        int takeNo = c.slate().take().map(CoverageService::number).orElse(0);
        boolean circled = c.slate().circled().orElse(false);
        List<String> qc = findings.stream().filter(f -> !f.severity().equals("INFO"))
                .map(f -> f.type() + ": " + f.message()).toList();
        boolean qcPending = !analysisState.equals("DONE") && !analysisState.equals("FAILED");
        boolean qcClean = analysisState.equals("DONE") && qc.isEmpty();
        String disagreement = setupCheck.filter(s -> !s.corrected()).map(SetupPrediction::disagreement)
                .map(Enum::name).orElse(null);
        boolean slateAgrees = placedBy.equals("MODEL") || !"WRONG_SLATE".equals(disagreement);

        List<ShotTake.Sighting> seen = new ArrayList<>();
        int unknown = 0;
        Set<String> named = new LinkedHashSet<>();
        if (prediction.isPresent()) {
            List<CharacterPrediction> people = prediction.get().people();
            List<ClipFeatures.Person> persons = features.map(ClipFeatures::people).orElse(List.of());
            List<ClipFeatures.Person> known = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                CharacterPrediction who = people.get(i);
                ClipFeatures.Person person = i < persons.size() ? persons.get(i) : null;
                Optional<ShotSize> size = size(person, c);
                if (who.known() && size.isPresent()) {
                    known.add(person);
                    if (named.add(who.character())) {
                        seen.add(new ShotTake.Sighting(who.character(), size.get()));
                    }
                }
            }
            for (int i = 0; i < people.size(); i++) {
                ClipFeatures.Person person = i < persons.size() ? persons.get(i) : null;
                if (!people.get(i).known() && !sameFace(person, known, c)
                        && (person == null || person.observations() >= MIN_SIGHTINGS)) {
                    unknown++;
                }
            }
        }
        ShotTake take = new ShotTake(scene, setup, takeNo, circled, qcClean, slateAgrees, seen, unknown, qcPending);
        return Optional.of(new TakeRecord(take, c.id(), c.fileName(), placedBy, confidence, analysisState, qc,
                disagreement, setupCheck.map(SetupPrediction::predicted).orElse(null), still,
                notes(take, analysisState, qc, setupCheck.orElse(null), placedBy, confidence)));
    }

    /**
     * True when an unnamed face track lies within {@link #SAME_FACE} face widths of a named one: a track of the same
     * face broken by the tracker (a turn of the head, a hand in front), not another person.
     */
    static boolean sameFace(ClipFeatures.Person p, List<ClipFeatures.Person> known, Clip c) {
        if (p == null || !p.hasFace() || c.width().isEmpty() || c.height().isEmpty()) {
            return false;
        }
        double aspect = (double) c.height().get() / c.width().get();
        for (ClipFeatures.Person k : known) {
            double dx = p.centerX() - k.centerX();
            double dy = (p.centerY() - k.centerY()) * aspect;
            if (Math.hypot(dx, dy) < SAME_FACE * Math.max(k.width(), p.width())) {
                return true;
            }
        }
        return false;
    }

    /** The shot size of a face from its width in the frame; empty without a face or a frame size. */
    static Optional<ShotSize> size(ClipFeatures.Person p, Clip c) {
        if (p == null || !p.hasFace() || !(p.width() > 0) || c.width().isEmpty() || c.height().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ShotSizes.fromFaceHeight(ShotSizes.faceHeightFraction(p.width(), c.width().get(),
                c.height().get())));
    }

    static List<String> notes(ShotTake t, String state, List<String> qc, SetupPrediction s, String placedBy,
                              double confidence) {
        List<String> notes = new ArrayList<>();
        if (placedBy.equals("MODEL")) {
            notes.add(String.format(java.util.Locale.ROOT, "no slate: placed in %s by the production model"
                    + " (confidence %.2f)", t.setup(), confidence));
        }
        notes.add(t.circled() ? "circled" : "not circled");
        if (!state.equals("DONE")) {
            notes.add("QC " + (state.equals("NONE") ? "not run" : state.toLowerCase(java.util.Locale.ROOT)));
        } else if (qc.isEmpty()) {
            notes.add("QC-clean");
        } else {
            notes.add("QC: " + String.join("; ", qc));
        }
        if (s != null && s.disagreement() != null && !s.corrected() && placedBy.equals("SLATE")) {
            notes.add(switch (s.disagreement()) {
                case WRONG_SLATE -> "slate says " + s.slate() + " but the picture looks like " + s.predicted();
                case LOOKS_LIKE -> "slate says " + s.slate() + ", a setup with no other takes, and the picture looks"
                        + " like " + s.predicted();
                case CHANGED -> "framing or background changed against the other takes of " + s.slate();
            });
        }
        if (t.unknown() > 0) {
            notes.add(t.unknown() + " unknown " + (t.unknown() == 1 ? "person" : "people") + " in frame");
        }
        notes.add(t.usable() ? "usable" : "not usable");
        return notes;
    }

    private static int number(String take) {
        String digits = take.replaceAll("[^0-9]", "");
        try {
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
