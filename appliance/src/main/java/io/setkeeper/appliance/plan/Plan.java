package io.setkeeper.appliance.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The production's current plan: the screenplay and the shot list (each absent until imported) and the scenes
 * planned for the day (empty when none was given: then every planned scene counts).
 */
public record Plan(Optional<Screenplay> screenplay, Optional<PlanSource> screenplaySource, Optional<ShotList> shotList,
                   Optional<PlanSource> shotListSource, List<String> day) {
    public static final Plan EMPTY = new Plan(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            List.of());

    public Plan {
        Objects.requireNonNull(screenplay);
        Objects.requireNonNull(screenplaySource);
        Objects.requireNonNull(shotList);
        Objects.requireNonNull(shotListSource);
        day = List.copyOf(day);
    }

    public List<Scene> scenes() {
        return screenplay.map(Screenplay::scenes).orElse(List.of());
    }

    public List<PlannedSetup> setups() {
        return shotList.map(ShotList::setups).orElse(List.of());
    }

    /**
     * The cast the script offers: every character with dialogue and every speaking character an action line names
     * in a scene; empty without a screenplay.
     */
    public Set<String> cast() {
        Set<String> cast = new LinkedHashSet<>();
        screenplay.ifPresent(s -> {
            cast.addAll(s.speakers());
            s.scenes().forEach(sc -> cast.addAll(sc.appearing()));
        });
        return cast;
    }
}
