package io.setkeeper.appliance.plan;

/** Removes Fountain emphasis markers (*italic*, **bold**, ***both***, _underline_); keeps escaped \* and \_. */
final class Emphasis {
    private static final char STAR = '\u0001';
    private static final char UNDER = '\u0002';

    private Emphasis() {
    }

    static String strip(String s) {
        if (s.indexOf('*') < 0 && s.indexOf('_') < 0) {
            return s;
        }
        String t = s.replace("\\*", String.valueOf(STAR)).replace("\\_", String.valueOf(UNDER));
        t = t.replaceAll("\\*\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*\\*", "$1");
        t = t.replaceAll("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*", "$1");
        t = t.replaceAll("\\*(?=\\S)(.+?)(?<=\\S)\\*", "$1");
        t = t.replaceAll("(?<![\\p{L}\\p{N}])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}])", "$1");
        return t.replace(STAR, '*').replace(UNDER, '_');
    }
}
