package io.setkeeper.appliance.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture check over the sources: every POST/PUT/PATCH/DELETE that a *Routes class declares, under the prefix it
 * is registered at, has an explicit rule in {@link WriteRules} (the {@link ApiGuard} is a filter in front of all of
 * /api, so nothing can bypass it; an unruled write would be refused for everyone, and this test names it).
 */
class WriteRulesCoverageTest {
    private static final Path MAIN = Path.of("src/main/java/io/setkeeper/appliance");
    private static final Pattern MOUNT = Pattern.compile(
            "register\\(\\s*\"(/api[^\"]*)\"\\s*,\\s*(?:new\\s+)?(\\w+Routes)\\b");
    private static final Pattern WRITE = Pattern.compile("\\.(post|put|patch|delete)\\(\\s*\"([^\"]*)\"");

    /** Classes mounted twice whose second instance registers only GETs (DecisionRoutes.routing: audit = reads). */
    private static final Set<String> READ_ONLY_MOUNTS = Set.of("DecisionRoutes /api/audit");

    @Test
    void everyDeclaredWriteHasARule() throws IOException {
        Map<String, Set<String>> mounts = new HashMap<>();
        Map<String, List<String>> writes = new HashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = MOUNT.matcher(src);
                while (m.find()) {
                    mounts.computeIfAbsent(m.group(2), k -> new HashSet<>()).add(m.group(1));
                }
                String name = f.getFileName().toString().replace(".java", "");
                if (name.endsWith("Routes")) {
                    Matcher w = WRITE.matcher(src);
                    while (w.find()) {
                        writes.computeIfAbsent(name, k -> new ArrayList<>()).add(w.group(2));
                    }
                }
            }
        }
        assertTrue(writes.keySet().containsAll(List.of("OffloadRoutes", "CardRoutes", "ModelRoutes", "PlanRoutes",
                "ProductionRoutes", "ClipRoutes", "UserRoutes", "FixRoutes", "FixProposalRoutes", "DecisionRoutes")),
                "the scan finds the write routes: " + writes.keySet());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var e : writes.entrySet()) {
            Set<String> prefixes = mounts.get(e.getKey());
            if (prefixes == null) {
                missing.add(e.getKey() + ": cannot find where it is registered under /api");
                continue;
            }
            for (String prefix : prefixes) {
                if (READ_ONLY_MOUNTS.contains(e.getKey() + " " + prefix)) {
                    continue;
                }
                for (String path : e.getValue()) {
                    String full = (prefix + (path.equals("/") ? "" : path)).replaceAll("\\{[^}]+}", "x");
                    checked++;
                    if (WriteRules.rule(full).isEmpty()) {
                        missing.add(e.getKey() + ": " + full + " has no rule in WriteRules");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        assertTrue(checked >= 17, "checked " + checked + " write routes");
    }
}
