package io.setkeeper.appliance.plan;

import java.util.regex.Pattern;

/** Removes Fountain emphasis markers (*italic*, **bold**, ***both***, _underline_); keeps escaped \* and \_. */
final class Emphasis {
    private static final char STAR = '\u0001';
    private static final char UNDER = '\u0002';
    private static final Pattern BOTH = Pattern.compile("\\*\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*\\*");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
    private static final Pattern UNDERLINE =
            Pattern.compile("(?<![\\p{L}\\p{N}])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}])");

    private Emphasis() {
    }

    static String strip(String s) {
        if (s.indexOf('*') < 0 && s.indexOf('_') < 0) {
            return s;
        }
        String t = s.replace("\\*", String.valueOf(STAR)).replace("\\_", String.valueOf(UNDER));
        t = BOTH.matcher(t).replaceAll("$1");
        t = BOLD.matcher(t).replaceAll("$1");
        t = ITALIC.matcher(t).replaceAll("$1");
        t = UNDERLINE.matcher(t).replaceAll("$1");
        return t.replace(STAR, '*').replace(UNDER, '_');
    }
}
