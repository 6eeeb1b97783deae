package io.setkeeper.appliance.model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live production model: learns clip by clip ({@link #learn}, O(characters x 512 + setups x dims) per clip,
 * independent of the clips already learned), predicts characters and setups, and takes people's corrections,
 * which are applied at once and pinned so that no later automatic update changes them. Thread-safe (one lock).
 * Versions are cut from it by {@link ModelVersions}.
 */
public final class ProductionModel {
    final String production;
    volatile Set<String> cast;
    final CharacterModel characters = new CharacterModel();
    final SetupModel setups = new SetupModel();
    final References references = new References();
    final Plates plates = new Plates();
    final Map<String, ClipFeatures> learned = new LinkedHashMap<>();
    final Map<String, String> pinnedSetup = new LinkedHashMap<>();
    final List<Correction> corrections = new ArrayList<>();
    private final Clock clock;

    /** A model for a production; {@code cast} are the character names the script offers (empty = any name). */
    public ProductionModel(String production, Set<String> cast, Clock clock) {
        this.production = production;
        this.cast = Set.copyOf(cast);
        this.clock = clock;
    }

    public String production() {
        return production;
    }

    public Set<String> cast() {
        return cast;
    }

    /** Replaces the cast (e.g. after a screenplay import); empty = any name. Names already given stay. */
    public synchronized void setCast(Set<String> newCast) {
        this.cast = Set.copyOf(newCast);
    }

    /** The features a learned clip was learned from (e.g. to measure shot sizes), empty when not learned. */
    public synchronized Optional<ClipFeatures> features(String clip) {
        return Optional.ofNullable(learned.get(clip));
    }

    /** Learns one clip (re-learning a clip replaces its earlier contribution); unusable clips teach nothing. */
    public synchronized LearnResult learn(ClipFeatures f) {
        ClipFeatures old = learned.remove(f.clip());
        if (old != null) {
            forget(old);
        }
        ClipPrediction before = predict(f);
        String unusable = Usability.problem(f);
        if (unusable != null) {
            return new LearnResult(f.clip(), false, unusable, before, List.of());
        }
        String setup = pinnedSetup.getOrDefault(f.clip(), f.setup());
        if (setup != null) {
            setups.learn(f, setup);
        }
        references.add(f, setup, 1);
        List<Integer> clusters = characters.learn(f.clip(), f.scene(), f.people());
        learned.put(f.clip(), f);
        return new LearnResult(f.clip(), true, setup == null ? "no slate setup: characters and looks only" : "",
                before, clusters);
    }

    private void forget(ClipFeatures f) {
        String setup = pinnedSetup.getOrDefault(f.clip(), f.setup());
        if (setup != null) {
            setups.unlearn(f, setup);
        }
        references.add(f, setup, -1);
        characters.unlearn(f.clip(), f.scene(), f.people());
    }

    /** Prediction for a clip the model has not learned (nothing is left out). */
    public synchronized ClipPrediction predict(ClipFeatures f) {
        List<CharacterPrediction> people = new ArrayList<>();
        for (int i = 0; i < f.people().size(); i++) {
            ClipFeatures.Person p = f.people().get(i);
            people.add(characters.inScene(characters.predict(p), p, f.clip(), i, f.scene()));
        }
        return new ClipPrediction(f.clip(), people, setupOf(f, f.setup(), false, false));
    }

    /** Prediction for a learned clip: corrections as given, the setup checked against the others (leave-one-out). */
    public synchronized Optional<ClipPrediction> prediction(String clip) {
        ClipFeatures f = learned.get(clip);
        if (f == null) {
            return Optional.empty();
        }
        List<CharacterPrediction> people = new ArrayList<>();
        for (int i = 0; i < f.people().size(); i++) {
            String pin = characters.pinned.get(CharacterModel.key(clip, i));
            ClipFeatures.Person p = f.people().get(i);
            CharacterPrediction auto = characters.predict(p);
            CharacterPrediction c = pin != null
                    ? new CharacterPrediction(pin, 1, Double.NaN, characters.threshold(), Double.NaN,
                    CharacterPrediction.Source.PERSON, auto.wardrobe())
                    : auto;
            people.add(characters.inScene(c, p, clip, i, f.scene()));
        }
        String slate = pinnedSetup.getOrDefault(clip, f.setup());
        return Optional.of(new ClipPrediction(clip, people, setupOf(f, slate, true, pinnedSetup.containsKey(clip))));
    }

    private SetupPrediction setupOf(ClipFeatures f, String slate, boolean leaveOut, boolean corrected) {
        List<SetupPrediction.Candidate> ranking = setups.rank(f, slate, leaveOut);
        if (corrected) {
            return new SetupPrediction(slate, 1, slate, null, Double.NaN, ranking, true);
        }
        return SetupCheck.decide(ranking, slate, setups.calibrated(), SetupModel.DIMS,
                slate == null ? SetupModel.DIMS : setups.expectedDistance2(slate, leaveOut));
    }

    /** A person names a cluster (once per character); a second cluster given a known name is merged into it. */
    public synchronized void name(int cluster, String name, String by) {
        apply(new Correction(Correction.Kind.NAME, "", cluster, name, by, clock.instant()));
    }

    /** Applies a correction as recorded (its time and author kept), e.g. one replayed from the store. */
    public synchronized void apply(Correction c) {
        switch (c.kind()) {
            case NAME -> applyName(c);
            case CHARACTER -> applyCharacter(c);
            case SETUP -> applySetup(c);
        }
    }

    private void applyName(Correction correction) {
        int cluster = correction.person();
        String name = correction.value();
        requireCast(name);
        if (!characters.clusters.containsKey(cluster)) {
            throw new IllegalArgumentException("no cluster " + cluster + " (clusters: " + characters.clusters.keySet() + ")");
        }
        characters.name(cluster, name);
        corrections.add(correction);
    }

    /** "Person {@code person} of {@code clip} is {@code character}": moves the track there and pins it. */
    public synchronized void correctCharacter(String clip, int person, String character, String by) {
        apply(new Correction(Correction.Kind.CHARACTER, clip, person, character, by, clock.instant()));
    }

    private void applyCharacter(Correction correction) {
        String clip = correction.clip(), character = correction.value();
        int person = correction.person();
        ClipFeatures f = requireClip(clip);
        if (person < 0 || person >= f.people().size()) {
            throw new IllegalArgumentException("clip " + clip + " has " + f.people().size() + " people, no person " + person);
        }
        if (f.people().get(person).embedding() == null) {
            throw new IllegalArgumentException("person " + person + " of " + clip + " was seen without a face: nothing to learn");
        }
        if (characters.named(character).isEmpty()) {
            if (!cast.contains(character)) {
                throw new IllegalArgumentException("unknown character '" + character + "': known " + characterNames()
                        + (cast.isEmpty() ? "" : ", cast " + cast));
            }
            CharacterModel.Cluster c = new CharacterModel.Cluster(characters.nextId++);
            c.name = character;
            characters.clusters.put(c.id, c);
        }
        characters.unlearn(clip, f.scene(), f.people());
        characters.pinned.put(CharacterModel.key(clip, person), character);
        characters.learn(clip, f.scene(), f.people());
        corrections.add(correction);
    }

    /** "This slate was wrong: {@code clip} is setup {@code setup}": moves the clip there and pins it. */
    public synchronized void correctSetup(String clip, String setup, String by) {
        apply(new Correction(Correction.Kind.SETUP, clip, -1, setup, by, clock.instant()));
    }

    private void applySetup(Correction correction) {
        String clip = correction.clip(), setup = correction.value();
        ClipFeatures f = requireClip(clip);
        if (setup == null || setup.isBlank()) {
            throw new IllegalArgumentException("a setup correction needs the setup");
        }
        forget(f);
        pinnedSetup.put(clip, setup);
        learned.remove(clip);
        learn(f);
        corrections.add(correction);
    }

    private ClipFeatures requireClip(String clip) {
        ClipFeatures f = learned.get(clip);
        if (f == null) {
            throw new IllegalArgumentException("clip " + clip + " is not learned by the model");
        }
        return f;
    }

    private void requireCast(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a character needs a name");
        }
        if (!cast.isEmpty() && !cast.contains(name)) {
            throw new IllegalArgumentException("unknown character '" + name + "': the cast is " + cast);
        }
    }

    public synchronized List<String> characterNames() {
        return characters.namedClusters().stream().map(c -> c.name).distinct().toList();
    }

    /** Clusters: id, name (null = unnamed), tracks in it. */
    public synchronized List<ClusterView> clusters() {
        return characters.clusters.values().stream().filter(c -> c.n > 0)
                .map(c -> new ClusterView(c.id, c.name, c.n)).toList();
    }

    /** A face cluster as people see it. */
    public record ClusterView(int id, String name, long tracks) {
    }

    public synchronized List<String> clips() {
        return List.copyOf(learned.keySet());
    }

    public synchronized List<Correction> corrections() {
        return List.copyOf(corrections);
    }

    public synchronized Set<String> setupNames() {
        return new LinkedHashSet<>(setups.setups.keySet());
    }

    public synchronized double characterThreshold() {
        return characters.threshold();
    }

    /** Looks by key: "setup:5B", "scene:5". */
    public synchronized Map<String, Look> looks() {
        Map<String, Look> out = new LinkedHashMap<>();
        references.looks.forEach((k, v) -> out.put(k, v.look()));
        return out;
    }

    /** Every setup's baseline: its takes' numbers without the outliers ({@link RobustBaseline}). */
    public synchronized List<Baseline> baselines() {
        return references.baselines.entrySet().stream().map(e -> e.getValue().fit(e.getKey())).toList();
    }

    /** One setup's baseline, empty when no take of it was learned. */
    public synchronized Optional<Baseline> baseline(String setup) {
        return Optional.ofNullable(references.baselines.get(setup)).map(t -> t.fit(setup));
    }

    /** Clean plates of the locked-off setups (learned by {@link ModelService#learnPlate}). */
    public Plates plates() {
        return plates;
    }

    /** The learned heads as matrices, for export and the parity check. */
    public synchronized Heads heads() {
        return Heads.of(this);
    }
}
