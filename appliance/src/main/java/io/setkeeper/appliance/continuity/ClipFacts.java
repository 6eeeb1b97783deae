package io.setkeeper.appliance.continuity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the continuity checks know about one analysed clip: its slate, its camera metadata, its static background
 * (people masked out), the people and objects seen, and what the sound slate said. Filled by {@link FactsGatherer}.
 *
 * @param clipId  the clip's store id
 * @param clip    clip (file) name
 * @param scene   slate scene, null when unslated
 * @param setup   slate setup, null when unslated
 * @param take    slate take, null when unknown
 * @param camera  camera metadata from the probe
 * @param sound   the sound slate (scene/take from the recorder), null when no sound was matched
 * @param background the static background with people masked out
 * @param people  face tracks (most observed first)
 * @param edges   people (with or without a face) at the left and right frame edge
 * @param things  non-person COCO objects seen
 * @param still   the representative frame's image file (for evidence), null when not written
 */
public record ClipFacts(long clipId, String clip, String scene, String setup, String take, Camera camera,
                        SoundSlate sound, Background background, List<Person> people, List<EdgePerson> edges,
                        List<Thing> things, String still) {
    public ClipFacts {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(camera, "camera");
        people = List.copyOf(people);
        edges = List.copyOf(edges);
        things = List.copyOf(things);
    }

    public ClipFacts withStill(String path) {
        return new ClipFacts(clipId, clip, scene, setup, take, camera, sound, background, people, edges, things, path);
    }

    /** The same facts with another slate (for tests that place a clip elsewhere). */
    public ClipFacts withSlate(long id, String name, String newScene, String newSetup, String newTake) {
        return new ClipFacts(id, name, newScene, newSetup, newTake, camera, sound, background, people, edges, things, still);
    }

    /**
     * Camera metadata; {@code tags} holds what the file states of make, model, lens, white balance, shutter.
     *
     * @param camera   camera letter / name (slate or tags), may be null
     * @param fps      frames per second, 0 when unknown
     * @param transfer transfer function name (SDR, PQ, HLG, ...), may be null
     */
    public record Camera(String camera, double fps, int width, int height, String transfer, Map<String, String> tags) {
        public Camera {
            tags = Map.copyOf(tags);
        }
    }

    /** The sound recorder's slate for the clip. */
    public record SoundSlate(String scene, String take, String file) {
    }

    /**
     * One face track: mean embedding (null if none), wardrobe colour below the face in CIELAB (null if not measured),
     * mean face centre x (0..1 of frame width), mean yaw in degrees (positive = turned to frame right, NaN unknown).
     */
    public record Person(float[] embedding, float[] wardrobe, double centerX, double yaw, int observations,
                         float[] torso) {
    }

    /** A person touching the left or right frame edge in {@code fraction} of the sampled frames, with its mean box. */
    public record EdgePerson(Side side, double fraction, float[] box) {
        public enum Side { LEFT, RIGHT }
    }

    /** A non-person COCO object seen in {@code fraction} of sampled frames, its best score and box (0..1 coords). */
    public record Thing(String label, double fraction, double score, float[] box) {
    }
}
