package io.setkeeper.appliance.analysis.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {
    private static float[] identity(int axis) {
        float[] e = new float[8];
        e[axis] = 1f;
        e[7] = 0.2f;
        return e;
    }

    private static Face face(float x, float[] embedding) {
        return new Face(new Box(x, 100, x + 40, 150, 0.9f), new float[136], new HeadPose(0, 0, 0), embedding);
    }

    @Test
    void givenTwoPeople_whenTheyMoveSlowly_thenTwoTracksFollowThem() {
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        for (int i = 0; i < 10; i++) {
            tracker.update(i * 200_000L, List.of(face(100 + 3 * i, identity(0)), face(400 - 3 * i, identity(1))));
        }
        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(2, tracks.size());
        assertEquals(10, tracks.get(0).observations().size());
        assertEquals(100f, tracks.get(0).observations().getFirst().face().box().x1());
        assertEquals(1.0, Face.cosine(tracks.get(1).meanEmbedding(), identity(1)), 1e-6);
    }

    @Test
    void givenAJumpWithTheSameIdentity_thenTheTrackContinues_butAStrangerInTheSamePlaceStartsANewOne() {
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        tracker.update(0, List.of(face(100, identity(0))));
        tracker.update(200_000, List.of(face(500, identity(0))));      // no overlap, same person
        tracker.update(400_000, List.of(face(500, identity(2))));      // overlap, different person
        List<FaceTrack> tracks = tracker.tracks();
        assertEquals(2, tracks.size());
        assertEquals(2, tracks.get(0).observations().size());
        assertEquals(400_000, tracks.get(1).firstMicros());
    }

    @Test
    void givenALongGap_thenANewTrackStarts_andTimeMustNotGoBack() {
        FaceTracker tracker = new FaceTracker(FaceTracker.Config.defaults());
        tracker.update(0, List.of(face(100, identity(0))));
        tracker.update(5_000_000, List.of(face(100, identity(0))));
        assertEquals(2, tracker.tracks().size());
        assertThrows(IllegalArgumentException.class, () -> tracker.update(1, List.of()));
    }
}
