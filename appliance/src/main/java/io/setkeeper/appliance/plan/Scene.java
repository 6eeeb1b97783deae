package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.plan.ScriptElement.Dialogue;
import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import io.setkeeper.appliance.plan.ScriptElement.Setting;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One scene of a screenplay: its heading and everything up to the next heading.
 *
 * @param ordinal    1-based position in the script
 * @param heading    the scene heading
 * @param elements   the elements after the heading (action, dialogue, transitions, notes ...)
 * @param speakers   characters with dialogue in the scene, by identity (extensions removed), in order of first line
 * @param onScreenSpeakers speakers with at least one block that is not voice-over or off-screen
 * @param appearing  characters seen in the scene: on-screen speakers and speaking characters of the script whose
 *                   name the scene's action mentions as a whole word
 * @param notes      the text of the notes in the scene
 */
public record Scene(int ordinal, SceneHeading heading, List<ScriptElement> elements, Set<String> speakers,
                    Set<String> onScreenSpeakers, Set<String> appearing, List<String> notes) {
    public Scene {
        Objects.requireNonNull(heading);
        elements = List.copyOf(elements);
        speakers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(speakers));
        onScreenSpeakers = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(onScreenSpeakers));
        appearing = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(appearing));
        notes = List.copyOf(notes);
    }

    /** The scene number when the script gives one. */
    public Optional<String> number() {
        return heading.number();
    }

    /** The key used to match the shot list and slates: the scene number, or the ordinal when unnumbered. */
    public String id() {
        return heading.number().orElse(Integer.toString(ordinal));
    }

    public Setting setting() {
        return heading.setting();
    }

    public String location() {
        return heading.location();
    }

    public String timeOfDay() {
        return heading.timeOfDay();
    }

    /** The dialogue blocks of the scene, in order. */
    public List<Dialogue> dialogue() {
        return elements.stream().filter(Dialogue.class::isInstance).map(Dialogue.class::cast).toList();
    }
}
