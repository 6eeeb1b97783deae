package io.setkeeper.appliance.analysis.qc;

/**
 * Periodic luminance oscillation in a mean-level series: the series minus its one-second moving average (which
 * removes pans and exposure drifts but keeps anything faster than about 1 Hz), Hann-windowed, through a DFT; the
 * strongest bin between {@link Thresholds#FLICKER_MIN_HZ} and the Nyquist rate is the flicker candidate. A
 * mains-lit scene shot with a mismatched shutter shows up at the alias of twice the mains frequency, e.g. 4 Hz for
 * 100 Hz light at 24 fps, 10 Hz at 30 fps (at 25 fps 100 Hz aliases to 0 and is invisible).
 */
public final class Flicker {
    /**
     * The strongest periodic component.
     *
     * @param hz         its frequency
     * @param amplitude  its amplitude in levels (a sine of amplitude a gives about a)
     * @param prominence its power over the median power of the searched band
     */
    public record Peak(double hz, double amplitude, double prominence) {
        static final Peak NONE = new Peak(0, 0, 0);
    }

    private Flicker() {
    }

    /** The peak of a series sampled at {@code fps}. */
    public static Peak peak(double[] series, double fps) {
        int n = series.length;
        int win = Math.max(3, (int) Math.round(fps));
        if (n < 2 * win || fps <= 0) {
            return Peak.NONE;
        }
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + series[i];
        }
        double[] r = new double[n];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - win / 2);
            int b = Math.min(n, a + win);
            a = Math.max(0, b - win);
            double ma = (prefix[b] - prefix[a]) / (b - a);
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            r[i] = (series[i] - ma) * hann;
            wsum += hann;
        }
        int lo = Math.max(1, (int) Math.ceil(Thresholds.FLICKER_MIN_HZ * n / fps));
        int hi = (int) Math.floor(0.48 * n);
        if (hi <= lo + 4) {
            return Peak.NONE;
        }
        double[] power = new double[hi - lo + 1];
        int best = -1;
        for (int k = lo; k <= hi; k++) {
            double re = 0;
            double im = 0;
            double step = 2 * Math.PI * k / n;
            for (int i = 0; i < n; i++) {
                re += r[i] * Math.cos(step * i);
                im -= r[i] * Math.sin(step * i);
            }
            power[k - lo] = re * re + im * im;
            if (best < 0 || power[k - lo] > power[best - lo]) {
                best = k;
            }
        }
        double[] sorted = power.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double amp = 2 * Math.sqrt(power[best - lo]) / wsum;
        return new Peak(best * fps / n, amp, median <= 0 ? Double.MAX_VALUE : power[best - lo] / median);
    }
}
