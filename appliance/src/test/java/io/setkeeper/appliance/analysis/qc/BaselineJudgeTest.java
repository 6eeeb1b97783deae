package io.setkeeper.appliance.analysis.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Focus and exposure judged against the setup's learned baseline; absolute thresholds when there is none. */
class BaselineJudgeTest {
    private static ClipQc clip(double sharpMedian, double meanLuma, List<Finding> findings) {
        return new ClipQc(100, 25, 480, 270, sharpMedian, sharpMedian * 1.1, meanLuma, 0, 0, 1, true,
                new Flicker.Peak(0, 0, 0), new ColourStats.Summary(50, 0, 0, 10, 2, 2, 1, 1, 25), findings);
    }

    private static Finding under() {
        return new Finding(Finding.Type.UNDEREXPOSED, Finding.Severity.WARNING, 0, 99, 0, 3_960_000, List.of(50L),
                Map.of("medianLevel", 30.0), "clip is dark");
    }

    private static Optional<SetupBaseline> setup(long clips, double sharp, double expo, double expoSd) {
        return Optional.of(new SetupBaseline("5C", clips, sharp, sharp * 0.1, expo, expoSd));
    }

    @Test
    void withoutABaselineOrWithATooYoungOneNothingChanges() {
        ClipQc qc = clip(40, 30, List.of(under()));
        assertEquals(qc, BaselineJudge.judge(qc, Optional.empty()));
        assertEquals(qc, BaselineJudge.judge(qc, setup(2, 200, 90, 5)));
    }

    @Test
    void aDarkSetupKeepsItsStyle_aClipDarkerThanItsSetupIsFlagged() {
        ClipQc nightScene = clip(40, 30, List.of(under()));
        assertFalse(BaselineJudge.judge(nightScene, setup(5, 40, 28, 3)).has(Finding.Type.UNDEREXPOSED),
                "a night scene lit at ~28 is not underexposed for its setup");
        assertTrue(BaselineJudge.judge(nightScene, setup(5, 40, 90, 5)).has(Finding.Type.UNDEREXPOSED));
        ClipQc dimmed = clip(40, 60, List.of());
        ClipQc judged = BaselineJudge.judge(dimmed, setup(5, 40, 110, 4));
        assertTrue(judged.has(Finding.Type.UNDEREXPOSED), "60 against a setup at 110 +- 4: " + judged.findings());
        Finding f = judged.findings().getFirst();
        assertEquals(110.0, f.numbers().get("setupExposureMean"));
        assertTrue(BaselineJudge.judge(clip(40, 170, List.of()), setup(5, 40, 110, 4)).has(Finding.Type.OVEREXPOSED));
        assertEquals(List.of(), BaselineJudge.judge(clip(40, 118, List.of()), setup(5, 40, 110, 4)).findings(),
                "within 3 spreads (floor 6 levels) of the setup");
    }

    @Test
    void aClipSoftAsAWholeIsSoftAgainstItsSetup() {
        ClipQc soft = clip(30, 100, List.of());
        assertFalse(soft.has(Finding.Type.SOFT_FOCUS));
        ClipQc judged = BaselineJudge.judge(soft, setup(4, 120, 100, 5));
        assertTrue(judged.has(Finding.Type.SOFT_FOCUS), judged.findings().toString());
        assertEquals(120.0, judged.findings().getFirst().numbers().get("setupSharpnessMean"));
        assertFalse(BaselineJudge.judge(clip(100, 100, List.of()), setup(4, 120, 100, 5)).has(Finding.Type.SOFT_FOCUS));
        assertFalse(BaselineJudge.judge(clip(30, 100, List.of()), setup(4, 40, 100, 5)).has(Finding.Type.SOFT_FOCUS),
                "a setup shot soft on purpose");
    }

    @Test
    void aDarkerTakeIsJudgedForFocusAtItsOwnExposure() {
        // levels x 0.6 (about 1.6 stops under): the Laplacian variance drops to 0.36 with the focus unchanged, which
        // the setup's unscaled limit (0.45 x 120 = 54) would call soft
        ClipQc stopUnder = clip(120 * 0.6 * 0.6, 60, List.of());
        ClipQc judged = BaselineJudge.judge(stopUnder, setup(4, 120, 100, 2));
        assertTrue(judged.has(Finding.Type.UNDEREXPOSED), judged.findings().toString());
        assertFalse(judged.has(Finding.Type.SOFT_FOCUS), "dark, not soft: " + judged.findings());
        ClipQc darkAndSoft = clip(120 * 0.6 * 0.6 * 0.4, 60, List.of());
        Finding soft = BaselineJudge.judge(darkAndSoft, setup(4, 120, 100, 2)).findings().stream()
                .filter(f -> f.type() == Finding.Type.SOFT_FOCUS).findFirst().orElseThrow();
        assertEquals(0.45 * 120 * 0.36, soft.numbers().get("limit"), 1e-9);
        assertTrue(BaselineJudge.judge(clip(50, 140, List.of()), setup(4, 120, 100, 2)).has(Finding.Type.SOFT_FOCUS),
                "a brighter take keeps the setup's limit (clipping removes detail): 50 < 0.45 x 120");
    }

    @Test
    void outOfNormIsExactlyWhatTheJudgeFlags() {
        Optional<SetupBaseline> b = setup(4, 826, 120.5, 0.7);
        int flagged = 0;
        for (double sharp = 50; sharp <= 1500; sharp += 25) {
            for (double luma = 60; luma <= 180; luma += 1.5) {
                boolean judged = !BaselineJudge.judge(clip(sharp, luma, List.of()), b).findings().isEmpty();
                assertEquals(judged, BaselineJudge.outOfNorm(sharp, luma, b.get()), sharp + ", " + luma);
                flagged += judged ? 1 : 0;
            }
        }
        assertTrue(flagged > 0);
    }
}
