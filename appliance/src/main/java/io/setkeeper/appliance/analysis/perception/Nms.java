package io.setkeeper.appliance.analysis.perception;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Greedy non-maximum suppression: keeps the highest-scoring box and drops others overlapping it above a threshold. */
public final class Nms {
    private Nms() {
    }

    /** Returns the kept items, highest score first. */
    public static <T> List<T> suppress(List<T> items, Function<T, Box> box, float iouThreshold) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble((T t) -> box.apply(t).score()).reversed());
        List<T> kept = new ArrayList<>();
        boolean[] dropped = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (dropped[i]) {
                continue;
            }
            Box bi = box.apply(sorted.get(i));
            kept.add(sorted.get(i));
            for (int j = i + 1; j < sorted.size(); j++) {
                if (!dropped[j] && bi.iou(box.apply(sorted.get(j))) > iouThreshold) {
                    dropped[j] = true;
                }
            }
        }
        return kept;
    }
}
