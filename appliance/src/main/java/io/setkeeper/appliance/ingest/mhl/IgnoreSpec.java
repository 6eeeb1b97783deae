package io.setkeeper.appliance.ingest.mhl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which paths a generation leaves out, as ASC MHL {@code <ignore><pattern>}s with gitignore-style meaning:
 * a pattern without '/' matches a file or directory name anywhere ({@code .DS_Store}); a trailing '/' restricts
 * it to directories ({@code ascmhl/}); a pattern with an inner '/' matches the path from the root; {@code *},
 * {@code ?}, {@code [..]} and {@code **} are wildcards. An ignored directory hides everything below it.
 */
public final class IgnoreSpec {
    /** The reference implementation's defaults: Finder metadata and the history folder itself. */
    public static final List<String> DEFAULT_PATTERNS = List.of(".DS_Store", "ascmhl", "ascmhl/");

    private record Rule(Pattern regex, boolean directoryOnly, boolean anchored) {
    }

    private final List<String> patterns;
    private final List<Rule> rules = new ArrayList<>();

    private IgnoreSpec(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String p : this.patterns) {
            String body = p;
            boolean dirOnly = body.endsWith("/");
            if (dirOnly) {
                body = body.substring(0, body.length() - 1);
            }
            boolean anchored = body.contains("/");
            if (body.startsWith("/")) {
                body = body.substring(1);
            }
            if (!body.isEmpty()) {
                rules.add(new Rule(Pattern.compile(globToRegex(body)), dirOnly, anchored));
            }
        }
    }

    /** The defaults plus the given patterns, in order, without duplicates. */
    public static IgnoreSpec withDefaults(List<String> more) {
        LinkedHashSet<String> all = new LinkedHashSet<>(DEFAULT_PATTERNS);
        all.addAll(more);
        return new IgnoreSpec(new ArrayList<>(all));
    }

    /** The patterns as they go into a manifest. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether a path (relative, '/'-separated) is ignored by itself (callers skip ignored directories' contents). */
    public boolean ignores(String relativePath, boolean directory) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        for (Rule rule : rules) {
            if (rule.directoryOnly() && !directory) {
                continue;
            }
            if (rule.regex().matcher(rule.anchored() ? relativePath : name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                        if (cls.startsWith("!")) {
                            cls = "^" + cls.substring(1);
                        }
                        re.append('[').append(cls).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
