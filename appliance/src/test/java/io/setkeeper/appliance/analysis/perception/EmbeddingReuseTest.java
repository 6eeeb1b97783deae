package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingReuseTest {
    private static final EmbeddingReuse.Config CONFIG = new EmbeddingReuse.Config(0.7f, 2, 1_000_000L);

    private static Box box(float x, float y, float size) {
        return new Box(x, y, x + size, y + size, 0.9f);
    }

    private static EmbeddingReuse.Previous prev(Box b, int reuses) {
        return new EmbeddingReuse.Previous(b, reuses);
    }

    @Test
    void aFaceThatStayedPutKeepsItsEmbeddingAMovedOneIsEmbedded() {
        List<EmbeddingReuse.Previous> previous = List.of(prev(box(100, 100, 60), 0), prev(box(300, 100, 60), 0));
        // the first barely moved (IoU 0.87), the second moved half its width (IoU 0.33)
        List<Box> current = List.of(box(104, 100, 60), box(330, 100, 60));
        assertArrayEquals(new int[] {0, -1}, EmbeddingReuse.assign(previous, current, 500_000, true, CONFIG));
    }

    @Test
    void pairsAreOneToOneBestOverlapFirst() {
        List<EmbeddingReuse.Previous> previous = List.of(prev(box(100, 100, 60), 0));
        // both overlap the one previous face; the closer one (IoU 0.94) gets it, the other is embedded
        List<Box> current = List.of(box(108, 100, 60), box(102, 100, 60));
        assertArrayEquals(new int[] {-1, 0}, EmbeddingReuse.assign(previous, current, 500_000, true, CONFIG));
    }

    @Test
    void anEmbeddingIsRefreshedAfterMaxReusesAndNotHandedToAnotherFace() {
        List<EmbeddingReuse.Previous> previous = List.of(prev(box(100, 100, 60), 2), prev(box(105, 100, 60), 0));
        // the current face matches the worn-out embedding best: it is embedded afresh rather than given the other one
        assertArrayEquals(new int[] {-1}, EmbeddingReuse.assign(previous, List.of(box(100, 100, 60)), 500_000, true, CONFIG));
        assertArrayEquals(new int[] {0},
                EmbeddingReuse.assign(List.of(prev(box(100, 100, 60), 1)), List.of(box(100, 100, 60)), 500_000, true, CONFIG));
    }

    @Test
    void nothingIsReusedAcrossGapsSizeChangesOrWhenOff() {
        List<EmbeddingReuse.Previous> previous = List.of(prev(box(100, 100, 60), 0));
        List<Box> same = List.of(box(100, 100, 60));
        assertArrayEquals(new int[] {-1}, EmbeddingReuse.assign(previous, same, 1_500_000, true, CONFIG), "too long ago");
        assertArrayEquals(new int[] {-1}, EmbeddingReuse.assign(previous, same, -1, true, CONFIG), "a new sequence");
        assertArrayEquals(new int[] {-1}, EmbeddingReuse.assign(previous, same, 500_000, false, CONFIG), "other size");
        assertArrayEquals(new int[] {-1}, EmbeddingReuse.assign(previous, same, 500_000, true, EmbeddingReuse.Config.off()));
        assertArrayEquals(new int[] {}, EmbeddingReuse.assign(previous, List.of(), 500_000, true, CONFIG));
        assertThrows(IllegalArgumentException.class, () -> new EmbeddingReuse.Config(0f, 1, 1));
    }
}
