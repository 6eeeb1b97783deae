package io.setkeeper.appliance.model;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The production model as a service: the live learner, its signed versions on disk and their record in the
 * ledger. On start it resumes from the active version (verified; a rejected one is reported and the model starts
 * empty) and re-applies the corrections recorded after it; a correction for a clip not learned yet waits until the
 * clip is learned again, so a person's word survives a restart. Cutting a version is on demand or at the end of a card; activating an earlier one rolls the live model
 * back to it. A version that fails verification is refused and the current one stays active.
 */
public final class ModelService {
    private final String production;
    private final ModelVersions versions;
    private final ModelLedger ledger;
    private volatile ProductionModel live;
    private volatile String startProblem;
    private volatile Set<String> cast;
    private final java.util.List<Correction> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Consumer<ModelVersion>> onCut =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Versions under {@code modelDir} (e.g. dataDir/model/&lt;production&gt;); {@code cast} from the script. */
    public ModelService(String production, Set<String> cast, Path modelDir, ModelLedger ledger, Clock clock) {
        this.production = production;
        this.ledger = ledger;
        this.versions = new ModelVersions(modelDir, clock);
        ProductionModel model = new ProductionModel(production, cast, clock);
        Optional<ModelVersion> active = ledger.active(production);
        if (active.isPresent()) {
            try {
                model = versions.open(active.get().id()).model();
            } catch (VersionRejectedException e) {
                startProblem = e.getMessage();
            }
        }
        this.live = model;
        java.util.Set<String> known = new java.util.HashSet<>();
        model.corrections().forEach(c -> known.add(key(c)));
        for (Correction c : ledger.corrections(production)) {
            if (!known.contains(key(c))) {
                pending.add(c);
            }
        }
        applyPending(null);
    }

    /** Applies waiting corrections (all, or those of one clip); ones that cannot apply yet keep waiting. */
    private void applyPending(String clip) {
        for (Correction c : pending) {
            if (clip != null && c.kind() != Correction.Kind.NAME && !c.clip().equals(clip)) {
                continue;
            }
            try {
                live.apply(c);
                pending.remove(c);
            } catch (IllegalArgumentException e) {
                // the clip (or cluster) is not in the model yet: keep the correction for when it is
            }
        }
    }

    private static String key(Correction c) {
        return c.kind() + "|" + c.clip() + "|" + c.person() + "|" + c.value() + "|" + c.by() + "|" + c.at().toEpochMilli();
    }

    /** Corrections recorded but not applied yet (their clip is not learned since the last restart). */
    public java.util.List<Correction> pendingCorrections() {
        return java.util.List.copyOf(pending);
    }

    public String production() {
        return production;
    }

    /** Why the active version could not be resumed at start, if it could not. */
    public Optional<String> startProblem() {
        return Optional.ofNullable(startProblem);
    }

    public ProductionModel model() {
        return live;
    }

    /**
     * The live model's baseline of a setup as QC judges clips by it ({@code AnalysisService.useBaselines(model::baseline)}):
     * mean and spread of the QC sharpness and exposure of the setup's learned clips, outliers left out
     * ({@link RobustBaseline}); empty when none was learned.
     */
    public Optional<io.setkeeper.appliance.analysis.qc.SetupBaseline> baseline(String setup) {
        return live.baseline(setup).map(Baseline::forQc);
    }

    /**
     * The script's cast (from the imported screenplay): naming or correcting to a character outside it is refused.
     * Kept across version activations; an empty set allows any name.
     */
    public void setCast(Set<String> cast) {
        this.cast = Set.copyOf(cast);
        live.setCast(this.cast);
    }

    /** The pipeline hook: learn one analysed clip and record its prediction (made before learning it). */
    public LearnResult learn(ClipFeatures f) {
        LearnResult r = live.learn(f);
        if (!pending.isEmpty()) {
            applyPending(f.clip());
        }
        ledger.putPrediction(production, live.prediction(f.clip()).orElse(r.before()));
        return r;
    }

    /**
     * Learns a locked-off clip into its setup's clean plate, unless the model says the picture does not match the
     * slate (a wrong slate or a moved camera must not blend another picture into the plate). Returns why not, or
     * null when learned.
     */
    public String learnPlate(String clip, List<io.setkeeper.appliance.analysis.Frame> frames,
                             List<io.setkeeper.appliance.analysis.perception.FramePerception> seen) {
        ProductionModel m = live;
        Optional<ClipPrediction> p = m.prediction(clip);
        if (p.isEmpty()) {
            return "not learned by the model";
        }
        SetupPrediction s = p.get().setup();
        if (s.slate() == null) {
            return "no slate setup";
        }
        if (s.flagged()) {
            return "picture disagrees with the slate (" + s.disagreement() + ")";
        }
        return m.plates.learn(clip, s.slate(), frames, seen) ? null : "already in the plate";
    }

    public Optional<ClipPrediction> prediction(String clip) {
        return live.prediction(clip);
    }

    public void name(int cluster, String character, String by) {
        live.name(cluster, character, by);
        ledger.addCorrection(production, live.corrections().getLast());
    }

    public void correctCharacter(String clip, int person, String character, String by) {
        live.correctCharacter(clip, person, character, by);
        ledger.addCorrection(production, live.corrections().getLast());
        live.prediction(clip).ifPresent(p -> ledger.putPrediction(production, p));
    }

    public void correctSetup(String clip, String setup, String by) {
        live.correctSetup(clip, setup, by);
        ledger.addCorrection(production, live.corrections().getLast());
        live.prediction(clip).ifPresent(p -> ledger.putPrediction(production, p));
    }

    /** Cuts a new immutable version from the live model; it becomes the active one. */
    public synchronized ModelVersion cut(String reason) {
        String parent = ledger.active(production).map(ModelVersion::id).orElse(null);
        ModelVersion v = versions.cut(live, ledger.nextSeq(production), parent, reason);
        ledger.addVersion(v);
        onCut.forEach(l -> l.accept(v));
        return v;
    }

    /** Called with every version cut from now on (e.g. to send it to post). */
    public void onCut(java.util.function.Consumer<ModelVersion> listener) {
        onCut.add(listener);
    }

    /** Makes an earlier (or later) version active after verifying it; on failure nothing changes. */
    public synchronized ModelVersions.Opened activate(String id) {
        ModelVersions.Opened opened = versions.open(id);
        ledger.activate(production, id);
        live = opened.model();
        if (cast != null) {
            live.setCast(cast);
        }
        return opened;
    }

    /** The active version, verified now (so a file tampered since shows up). */
    public Optional<ModelVersions.Opened> current() {
        return ledger.active(production).map(v -> versions.open(v.id()));
    }

    public Optional<ModelVersion> currentRecord() {
        return ledger.active(production);
    }

    public List<ModelVersion> history() {
        return ledger.versions(production);
    }

    public ModelVersions versions() {
        return versions;
    }
}
