package io.setkeeper.appliance.flags;

import io.setkeeper.appliance.analysis.ClipAnalysis;
import io.setkeeper.appliance.clips.Clip;
import io.setkeeper.appliance.coverage.CoverageService;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-evaluates coverage and raises/resolves coverage flags: after each analysed clip (register with
 * {@code AnalysisService.onAnalysed}, after the production model learned the clip) and after a plan import or a
 * change of the day ({@code PlanService.onChanged}). Failures are logged; they never fail the analysis or the import.
 */
public final class CoverageWatch implements BiConsumer<Clip, ClipAnalysis.Result>, Runnable {
    private static final Logger LOG = Logger.getLogger(CoverageWatch.class.getName());
    private final CoverageService coverage;
    private final FlagService flags;

    public CoverageWatch(CoverageService coverage, FlagService flags) {
        this.coverage = coverage;
        this.flags = flags;
    }

    @Override
    public void accept(Clip clip, ClipAnalysis.Result result) {
        run();
    }

    /**
     * Evaluates the board of the stored plan and day now; returns the flags raised (or raised again). Nothing is
     * raised before a shot list is imported: without one every take would be an unplanned setup.
     */
    public List<Flag> check() throws IOException {
        if (coverage.plan().current().setups().isEmpty()) {
            return List.of();
        }
        return flags.raiseCoverage(coverage.board(List.of()), coverage.stillsDir());
    }

    @Override
    public void run() {
        try {
            List<Flag> raised = check();
            LOG.fine(() -> "coverage flags raised: " + raised.size());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "coverage flags not evaluated: " + e.getMessage(), e);
        }
    }
}
