package io.setkeeper.appliance.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An imported screenplay: the title page, every element in reading order, the scenes, and the problems found
 * while importing (each with its line; a problem never stops the rest of the file from being imported).
 *
 * @param titlePage title page fields by key as written ("Title", "Author"), multi-line values joined with '\n'
 * @param elements  all elements in order, including those before the first scene heading
 * @param scenes    the scenes, in order
 * @param problems  what was malformed and how it was handled
 */
public record Screenplay(Map<String, String> titlePage, List<ScriptElement> elements, List<Scene> scenes,
                         List<ParseProblem> problems) {
    public Screenplay {
        titlePage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(titlePage));
        elements = List.copyOf(elements);
        scenes = List.copyOf(scenes);
        problems = List.copyOf(problems);
    }

    /** The scene with this id (number, or ordinal when unnumbered). */
    public Optional<Scene> scene(String id) {
        Objects.requireNonNull(id);
        return scenes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every character with dialogue anywhere in the script, by identity, in order of first line. */
    public Set<String> speakers() {
        Set<String> out = new LinkedHashSet<>();
        for (ScriptElement e : elements) {
            if (e instanceof ScriptElement.Dialogue d) {
                out.add(d.character());
            }
        }
        return out;
    }
}
