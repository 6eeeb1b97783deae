package io.setkeeper.appliance.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a screenplay in reading order, as both the Fountain and the Final Draft importers produce it.
 * {@code line} is the 1-based source line where the element starts (0 when the format gives none).
 */
public sealed interface ScriptElement {

    /** The 1-based source line of the element, or 0 when unknown. */
    int line();

    /** Where INT/EXT a scene plays. {@code NONE} for forced headings that name no setting. */
    enum Setting { INT, EXT, INT_EXT, NONE }

    /**
     * A scene heading ("slug line").
     *
     * @param text      the heading as written, without the scene number
     * @param setting   INT, EXT, INT./EXT. (also I/E) or NONE
     * @param location  the place, e.g. "TRAINING ROOM"; empty when the heading names none
     * @param timeOfDay e.g. "DAY", "NIGHT", "CONTINUOUS"; empty when absent
     * @param number    the scene number when the script gives one ("5", "2-B")
     * @param forced    true for a Fountain heading forced with a leading '.'
     */
    record SceneHeading(int line, String text, Setting setting, String location, String timeOfDay,
                        Optional<String> number, boolean forced) implements ScriptElement {
        public SceneHeading {
            Objects.requireNonNull(text);
            Objects.requireNonNull(setting);
            Objects.requireNonNull(location);
            Objects.requireNonNull(timeOfDay);
            Objects.requireNonNull(number);
        }
    }

    /** Action (scene description); lines separated by '\n', leading indentation kept. */
    record Action(int line, String text, boolean centered) implements ScriptElement {
        public Action {
            Objects.requireNonNull(text);
        }
    }

    /**
     * A dialogue block: a character cue followed by parentheticals and lines.
     *
     * @param character  the character's identity: the cue without extensions, upper case ("INSTRUCTOR")
     * @param cue        the cue as written, without Fountain markers ('@', '^'), e.g. "INSTRUCTOR (V.O.)"
     * @param extensions the cue's extensions without parentheses, e.g. ["V.O."], ["CONT'D"], ["on the radio"]
     * @param parts      parentheticals and dialogue lines in order; a blank dialogue line is an empty text
     * @param dual       true when this block is one side of dual (simultaneous) dialogue
     */
    record Dialogue(int line, String character, String cue, List<String> extensions, List<Part> parts,
                    boolean dual) implements ScriptElement {
        public Dialogue {
            Objects.requireNonNull(character);
            Objects.requireNonNull(cue);
            extensions = List.copyOf(extensions);
            parts = List.copyOf(parts);
        }

        /** The spoken lines (parentheticals excluded). */
        public List<String> lines() {
            return parts.stream().filter(p -> !p.parenthetical()).map(Part::text).toList();
        }

        /** The parentheticals with their parentheses, e.g. "(signing)". */
        public List<String> parentheticals() {
            return parts.stream().filter(Part::parenthetical).map(Part::text).toList();
        }

        /** True when the speaker is heard but not seen: voice-over, off-screen, off-camera. */
        public boolean offScreen() {
            return extensions.stream().map(e -> e.replace(".", "").replace(" ", "").toUpperCase())
                    .anyMatch(e -> e.equals("VO") || e.equals("OS") || e.equals("OC"));
        }

        /** The same block marked as one side of dual dialogue. */
        public Dialogue asDual() {
            return new Dialogue(line, character, cue, extensions, parts, true);
        }

        /** A parenthetical ("(signing)") or a dialogue line. */
        public record Part(String text, boolean parenthetical) {
            public Part {
                Objects.requireNonNull(text);
            }
        }
    }

    /** A transition such as "CUT TO:". */
    record Transition(int line, String text) implements ScriptElement {
        public Transition {
            Objects.requireNonNull(text);
        }
    }

    /** A Fountain section heading ('#' level 1, '##' level 2, ...): structure, not printed. */
    record Section(int line, int level, String text) implements ScriptElement {
        public Section {
            Objects.requireNonNull(text);
        }
    }

    /** A Fountain synopsis ('= ...'): a summary for the writer, not printed. */
    record Synopsis(int line, String text) implements ScriptElement {
        public Synopsis {
            Objects.requireNonNull(text);
        }
    }

    /** A forced page break ('===' in Fountain). */
    record PageBreak(int line) implements ScriptElement {
    }

    /** A note ([[...]] in Fountain, ScriptNote in Final Draft): kept for the script supervisor, not printed. */
    record Note(int line, String text) implements ScriptElement {
        public Note {
            Objects.requireNonNull(text);
        }
    }
}
