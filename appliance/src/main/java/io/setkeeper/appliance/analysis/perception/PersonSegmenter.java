package io.setkeeper.appliance.analysis.perception;

import io.setkeeper.appliance.analysis.Frame;
import io.setkeeper.appliance.inference.ModelSession;
import io.setkeeper.appliance.inference.Tensor;
import java.util.Map;

/**
 * A person mask from DeepLabV3 (PASCAL VOC, 21 classes): the frame resized to 257x257 RGB NHWC, x/127.5-1; the
 * per-pixel argmax over the class logits, class 15 = person.
 */
public final class PersonSegmenter {
    static final int SIZE = 257;
    static final int CLASSES = 21;
    static final int PERSON = 15;
    private static final PixelSpec SPEC = new PixelSpec(PixelSpec.Channels.RGB, true,
            new float[] {127.5f, 127.5f, 127.5f}, new float[] {127.5f, 127.5f, 127.5f}, 0f);

    private final ModelSession session;

    public PersonSegmenter(ModelSession session) {
        this.session = session;
    }

    /** Model input for a frame (exposed for benchmarking against the bare session). */
    public static Map<String, Tensor> input(Frame frame) {
        Affine map = Affine.cropResize(0, 0, frame.width(), frame.height(), SIZE, SIZE);
        return Map.of("sub_7", Tensor.of(Sampler.sample(frame, map, SIZE, SIZE, SPEC), 1, SIZE, SIZE, 3));
    }

    public PersonMask segment(Frame frame) {
        return decode(session.run(input(frame)).values().iterator().next().data());
    }

    /** Pure decode: NHWC logits [257*257*21] to a person mask. */
    static PersonMask decode(float[] logits) {
        int pixels = logits.length / CLASSES;
        if (pixels != SIZE * SIZE) {
            throw new IllegalStateException("DeepLab output has " + logits.length + " values, expected " + SIZE * SIZE * CLASSES);
        }
        byte[] mask = new byte[pixels];
        for (int p = 0; p < pixels; p++) {
            int o = p * CLASSES;
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                if (logits[o + c] > logits[o + best]) {
                    best = c;
                }
            }
            mask[p] = (byte) (best == PERSON ? 1 : 0);
        }
        return new PersonMask(SIZE, SIZE, mask);
    }
}
