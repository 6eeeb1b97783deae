package io.setkeeper.appliance.report;

import io.setkeeper.appliance.coverage.BeforeWrap;
import io.setkeeper.appliance.coverage.Coverage;
import io.setkeeper.appliance.coverage.CoverageBoard;
import io.setkeeper.appliance.coverage.SceneCoverage;
import io.setkeeper.appliance.coverage.TakeRecord;
import io.setkeeper.appliance.plan.Scene;
import io.setkeeper.appliance.plan.ShotSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One page of the before-wrap report: everything about one scene in the words and rows both renderers (HTML, PDF)
 * draw. Built from the coverage board, pure except for finding which stills exist.
 *
 * @param title    e.g. "Scene 5 - INT. TRAINING ROOM - DAY"
 * @param status   the scene's status (COVERED, FLAGGED, MISSING, NOTHING_SHOT)
 * @param wrap     what to tell the director, one sentence per flag (empty: nothing missing)
 * @param setups   one row per planned setup, then the unplanned ones
 * @param people   one row per character: name, speaks, sizes seen, single
 * @param stills   one per take that has a representative still
 */
public record ReportPage(String scene, String title, String status, List<String> wrap, List<SetupRow> setups,
                         List<CharacterRow> people, List<Still> stills) {
    /** A setup: id, size, what it is, each take with its status, the setup's status. */
    public record SetupRow(String setup, String size, String description, List<String> takes, String status) {
    }

    public record CharacterRow(String character, boolean speaks, String sizes, boolean single) {
    }

    /** A take's representative still on disk, with its caption and status (covered, flagged, unusable...). */
    public record Still(Path file, String caption, String status) {
    }

    /** The pages of the board's scenes (only {@code scene} when given), in script order. */
    public static List<ReportPage> of(CoverageBoard board, List<Scene> script, Path stillsDir, Optional<String> scene) {
        List<ReportPage> pages = new ArrayList<>();
        for (SceneCoverage s : board.scenes()) {
            if (scene.isEmpty() || scene.get().equalsIgnoreCase(s.scene())) {
                pages.add(page(board, s, script.stream().filter(x -> x.id().equalsIgnoreCase(s.scene())).findFirst(),
                        stillsDir));
            }
        }
        return pages;
    }

    static ReportPage page(CoverageBoard board, SceneCoverage s, Optional<Scene> script, Path stillsDir) {
        String title = "Scene " + s.scene() + script.map(x -> " - " + x.heading().text()).orElse(" (not in the screenplay)");
        List<TakeRecord> takes = board.takesOf(s.scene());
        List<SetupRow> rows = new ArrayList<>();
        for (SceneCoverage.SetupCoverage sc : s.setups()) {
            String id = sc.planned().setup();
            rows.add(new SetupRow(id, sc.planned().shotSize().label(), sc.planned().description(), takes(takes, id),
                    s.setupStatus(id)));
        }
        for (String u : s.unplanned()) {
            rows.add(new SetupRow(u, "-", "not in the shot list", takes(takes, u), "UNPLANNED"));
        }
        List<CharacterRow> people = s.characters().stream().map(c -> new CharacterRow(c.character(), c.speaks(),
                c.sizesSeen().isEmpty() ? "not seen" : c.sizesSeen().stream().sorted().map(ShotSize::label)
                        .collect(Collectors.joining(", ")), c.hasSingle())).toList();
        List<Still> stills = new ArrayList<>();
        for (TakeRecord t : takes) {
            t.still().map(n -> stillsDir.resolve(Long.toString(t.clipId())).resolve(n)).filter(Files::isRegularFile)
                    .ifPresent(f -> stills.add(new Still(f, t.take().setup() + " take " + t.take().take() + " - "
                            + t.clip(), t.status())));
        }
        return new ReportPage(s.scene(), title, s.status(), BeforeWrap.lines(s, Coverage.SINGLE_SIZES), rows, people,
                stills);
    }

    private static List<String> takes(List<TakeRecord> takes, String setup) {
        return takes.stream().filter(t -> t.take().setup().equalsIgnoreCase(setup))
                .map(t -> "take " + t.take().take() + (t.take().circled() ? " (circled)" : "") + ": " + t.status()
                        + (t.status().equals("covered") ? "" : " - " + t.caveat())).toList();
    }

    /** The status as a lower-case word for CSS classes and colours. */
    static String css(String status) {
        return status.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
