package io.setkeeper.appliance.model;

/**
 * A running mean and variance (Welford), O(1) per update, with removal for corrections. Mutable; owned by one
 * learner.
 */
final class Running {
    private long n;
    private double mean;
    private double m2;

    Running() {
    }

    Running(long n, double mean, double m2) {
        this.n = n;
        this.mean = mean;
        this.m2 = m2;
    }

    void load(long count, double m, double sumSq) {
        n = count;
        mean = m;
        m2 = sumSq;
    }

    void add(double x) {
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    }

    void remove(double x) {
        if (n <= 1) {
            n = 0;
            mean = 0;
            m2 = 0;
            return;
        }
        double oldMean = (n * mean - x) / (n - 1);
        m2 -= (x - oldMean) * (x - mean);
        mean = oldMean;
        n--;
        m2 = Math.max(0, m2);
    }

    long n() {
        return n;
    }

    double mean() {
        return mean;
    }

    double m2() {
        return m2;
    }

    double variance() {
        return n > 1 ? m2 / (n - 1) : 0;
    }

    double sd() {
        return Math.sqrt(variance());
    }
}
