package io.setkeeper.appliance.continuity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * All continuity checks over the clips of a production: within each setup (look, camera metadata, camera moved, set
 * changed, unexpected person or object), within each scene (look between setups, camera metadata between cameras,
 * wardrobe, screen direction) and per clip (sound against picture slate). Pure: the same facts give the same findings.
 */
public final class Continuity {
    private Continuity() {
    }

    public static List<Finding> evaluate(List<ClipFacts> clips, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<ClipFacts>> scenes = group(clips.stream().filter(c -> c.scene() != null).toList(),
                ClipFacts::scene);
        for (List<ClipFacts> scene : scenes.values()) {
            Map<String, List<ClipFacts>> setups = group(scene.stream().filter(c -> c.setup() != null).toList(),
                    ClipFacts::setup);
            for (List<ClipFacts> setup : setups.values()) {
                out.addAll(SetupChecks.check(setup, t));
            }
            out.addAll(SceneChecks.look(setups, t));
            out.addAll(CameraChecks.betweenSetups(setups));
            out.addAll(PeopleChecks.wardrobe(scene, t));
            out.addAll(PeopleChecks.direction(scene, t));
        }
        clips.forEach(c -> SoundCheck.check(c).ifPresent(out::add));
        return out;
    }

    /** The clips of one scene or setup, in clip id order. */
    static Map<String, List<ClipFacts>> group(List<ClipFacts> clips, java.util.function.Function<ClipFacts, String> key) {
        return clips.stream().sorted(Comparator.comparingLong(ClipFacts::clipId))
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    static List<ClipFacts> others(List<ClipFacts> group, ClipFacts c) {
        return group.stream().filter(o -> !Objects.equals(o.clipId(), c.clipId())).toList();
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
