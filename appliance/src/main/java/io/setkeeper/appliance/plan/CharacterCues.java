package io.setkeeper.appliance.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character cues: "INSTRUCTOR (V.O.)", "DANI (CONT'D)", "HANS (on the radio)" all name one character each;
 * the extensions are kept apart so that the same person is one identity in coverage.
 */
public final class CharacterCues {
    private static final Pattern EXTENSION = Pattern.compile("\\(([^)]*)\\)");

    private CharacterCues() {
    }

    /** The identity: the cue without extensions, trimmed, upper case, inner spaces collapsed. */
    public static String name(String cue) {
        int paren = cue.indexOf('(');
        String name = paren >= 0 ? cue.substring(0, paren) : cue;
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The parenthesised extensions of a cue, without their parentheses. */
    public static List<String> extensions(String cue) {
        List<String> out = new ArrayList<>();
        int paren = cue.indexOf('(');
        if (paren < 0) {
            return out;
        }
        Matcher m = EXTENSION.matcher(cue.substring(paren));
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /**
     * True when a Fountain line is a character cue by the upper-case rule: the part before any extension has a
     * letter and no lower-case letter. (Forced '@' cues are decided by the caller.)
     */
    public static boolean isUpperCaseCue(String line) {
        String s = line.strip();
        if (s.endsWith("^")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        int paren = s.indexOf('(');
        String name = paren >= 0 ? s.substring(0, paren) : s;
        if (paren >= 0 && !s.endsWith(")")) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return letter && !name.strip().isEmpty();
    }
}
