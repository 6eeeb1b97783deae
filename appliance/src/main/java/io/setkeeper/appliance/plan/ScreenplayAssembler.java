package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.plan.ScriptElement.Action;
import io.setkeeper.appliance.plan.ScriptElement.Dialogue;
import io.setkeeper.appliance.plan.ScriptElement.Note;
import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Groups a flat element list into scenes and works out who speaks and who appears: shared by both importers. */
final class ScreenplayAssembler {
    private ScreenplayAssembler() {
    }

    static Screenplay assemble(Map<String, String> titlePage, List<ScriptElement> elements,
                               List<ParseProblem> problems) {
        Set<String> known = new LinkedHashSet<>();
        for (ScriptElement e : elements) {
            if (e instanceof Dialogue d) {
                known.add(d.character());
            }
        }
        List<Scene> scenes = new ArrayList<>();
        SceneHeading heading = null;
        List<ScriptElement> body = new ArrayList<>();
        for (ScriptElement e : elements) {
            if (e instanceof SceneHeading h) {
                if (heading != null) {
                    scenes.add(scene(scenes.size() + 1, heading, body, known));
                }
                heading = h;
                body = new ArrayList<>();
            } else if (heading != null) {
                body.add(e);
            }
        }
        if (heading != null) {
            scenes.add(scene(scenes.size() + 1, heading, body, known));
        }
        return new Screenplay(titlePage, elements, scenes, problems);
    }

    private static Scene scene(int ordinal, SceneHeading heading, List<ScriptElement> body, Set<String> known) {
        Set<String> speakers = new LinkedHashSet<>();
        Set<String> onScreen = new LinkedHashSet<>();
        StringBuilder action = new StringBuilder();
        List<String> notes = new ArrayList<>();
        for (ScriptElement e : body) {
            switch (e) {
                case Dialogue d -> {
                    speakers.add(d.character());
                    if (!d.offScreen()) {
                        onScreen.add(d.character());
                    }
                }
                case Action a -> action.append(a.text()).append('\n');
                case Note n -> notes.add(n.text());
                default -> { }
            }
        }
        Set<String> appearing = new LinkedHashSet<>(onScreen);
        String text = action.toString().toLowerCase(Locale.ROOT);
        for (String name : known) {
            if (mentions(text, name)) {
                appearing.add(name);
            }
        }
        return new Scene(ordinal, heading, body, speakers, onScreen, appearing, notes);
    }

    /** True when the lower-cased action text mentions the name as a whole word, in any letter case. */
    static boolean mentions(String lowerText, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.isBlank()) {
            return false;
        }
        for (int i = lowerText.indexOf(n); i >= 0; i = lowerText.indexOf(n, i + 1)) {
            int end = i + n.length();
            if ((i == 0 || !Character.isLetterOrDigit(lowerText.charAt(i - 1)))
                    && (end == lowerText.length() || !Character.isLetterOrDigit(lowerText.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
