package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.plan.ScriptElement.Action;
import io.setkeeper.appliance.plan.ScriptElement.Dialogue;
import io.setkeeper.appliance.plan.ScriptElement.Note;
import io.setkeeper.appliance.plan.ScriptElement.PageBreak;
import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import io.setkeeper.appliance.plan.ScriptElement.Section;
import io.setkeeper.appliance.plan.ScriptElement.Synopsis;
import io.setkeeper.appliance.plan.ScriptElement.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printable content of a screenplay as one comparable line per element, so that a Fountain import, a Final
 * Draft import and a screenplain HTML render can be compared. Notes are not printed and are left out;
 * transitions are compared in upper case (screenplain upper-cases forced transitions).
 */
final class ScriptContent {
    private ScriptContent() {
    }

    static List<String> of(Screenplay s) {
        List<String> out = new ArrayList<>();
        for (ScriptElement e : s.elements()) {
            switch (e) {
                case SceneHeading h -> out.add(heading(h.text(), h.number().orElse("")));
                case Action a -> out.add((a.centered() ? "centered: " : "action: ") + text(a.text()));
                case Dialogue d -> out.add(dialogue(d.cue(), d.dual(),
                        d.parts().stream().map(Dialogue.Part::text).toList()));
                case Transition t -> out.add(transition(t.text()));
                case Section x -> out.add("section " + x.level() + ": " + x.text());
                case Synopsis x -> out.add("synopsis: " + x.text());
                case PageBreak p -> out.add("page break");
                case Note n -> { }
            }
        }
        return out;
    }

    static String heading(String text, String number) {
        return "heading: " + text.strip() + (number.isEmpty() ? "" : " #" + number + "#");
    }

    static String transition(String text) {
        return "transition: " + text.strip().toUpperCase(Locale.ROOT);
    }

    static String dialogue(String cue, boolean dual, List<String> parts) {
        StringBuilder b = new StringBuilder(dual ? "dual dialogue: " : "dialogue: ").append(cue.strip());
        for (String p : parts) {
            b.append(" | ").append(text(p).strip());
        }
        return b.toString();
    }

    /** Non-breaking spaces as spaces, trailing spaces of each line removed. */
    static String text(String s) {
        String[] lines = s.replace('\u00A0', ' ').split("\n", -1);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.stripTrailing());
        }
        return String.join("\n", out);
    }
}
