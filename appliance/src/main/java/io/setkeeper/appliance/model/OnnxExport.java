package io.setkeeper.appliance.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Writes the learned heads as an ONNX model (IR 8, opset 13), protobuf encoded by hand (field numbers from
 * onnx.proto). Inputs {@code embedding [N,512]} and {@code setup_features [N,42]}; outputs
 * {@code character_scores [N,K]}, {@code character_index [N]}, {@code setup_scores [N,S]}, {@code setup_index [N]}
 * (indices as float: ArgMax then Cast). A head with no labels yet is left out.
 */
public final class OnnxExport {
    public static final String EMBEDDING = "embedding";
    public static final String SETUP_FEATURES = "setup_features";
    public static final String CHARACTER_SCORES = "character_scores";
    public static final String CHARACTER_INDEX = "character_index";
    public static final String SETUP_SCORES = "setup_scores";
    public static final String SETUP_INDEX = "setup_index";
    private static final int FLOAT = 1;
    private static final int ATTR_INT = 2;

    private OnnxExport() {
    }

    /** The ONNX bytes of the heads; {@code metadata} goes into the model's metadata_props. */
    public static byte[] write(Heads h, long modelVersion, Map<String, String> metadata) {
        if (h.characters().isEmpty() && h.setups().isEmpty()) {
            throw new IllegalStateException("nothing to export: no named character and no setup learned yet");
        }
        Protobuf graph = new Protobuf().string(2, "setkeeper_production_heads");
        if (!h.characters().isEmpty()) {
            int k = h.characters().size(), d = h.prototypes()[0].length;
            float[] w = new float[d * k];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < k; j++) {
                    w[i * k + j] = h.prototypes()[j][i];
                }
            }
            linearHead(graph, "character", EMBEDDING, d, w, new float[k], k, CHARACTER_SCORES, CHARACTER_INDEX);
        }
        if (!h.setups().isEmpty()) {
            int s = h.setups().size(), d = h.setupWeights().length;
            float[] w = new float[d * s];
            for (int i = 0; i < d; i++) {
                System.arraycopy(h.setupWeights()[i], 0, w, i * s, s);
            }
            linearHead(graph, "setup", SETUP_FEATURES, d, w, h.setupBias(), s, SETUP_SCORES, SETUP_INDEX);
        }
        Protobuf model = new Protobuf().int64(1, 8).string(2, "setkeeper").string(3, "1")
                .int64(5, modelVersion).message(7, graph).message(8, new Protobuf().string(1, "").int64(2, 13));
        metadata.forEach((key, value) -> model.message(14, new Protobuf().string(1, key).string(2, value)));
        return model.toByteArray();
    }

    private static void linearHead(Protobuf graph, String prefix, String input, int d, float[] w, float[] b, int k,
                                   String scores, String index) {
        String wName = prefix + "_weights", bName = prefix + "_bias";
        graph.message(1, node("MatMul", prefix + "_matmul", new String[] {input, wName}, prefix + "_product"));
        graph.message(1, node("Add", prefix + "_add", new String[] {prefix + "_product", bName}, scores));
        graph.message(1, node("ArgMax", prefix + "_argmax", new String[] {scores}, prefix + "_argmax64")
                .message(5, intAttr("axis", 1)).message(5, intAttr("keepdims", 0)));
        graph.message(1, node("Cast", prefix + "_cast", new String[] {prefix + "_argmax64"}, index)
                .message(5, intAttr("to", FLOAT)));
        graph.message(5, tensor(wName, w, d, k));
        graph.message(5, tensor(bName, b, k));
        graph.message(11, valueInfo(input, d));
        graph.message(12, valueInfo(scores, k));
        graph.message(12, valueInfo(index, -1));
    }

    private static Protobuf node(String op, String name, String[] inputs, String output) {
        Protobuf n = new Protobuf();
        for (String in : inputs) {
            n.string(1, in);
        }
        return n.string(2, output).string(3, name).string(4, op);
    }

    private static Protobuf intAttr(String name, long v) {
        return new Protobuf().string(1, name).int64(3, v).int64(20, ATTR_INT);
    }

    private static Protobuf tensor(String name, float[] data, long... dims) {
        Protobuf t = new Protobuf();
        for (long dim : dims) {
            t.int64(1, dim);
        }
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            raw.putFloat(f);
        }
        return t.int64(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    /** A float tensor value [N, width], or [N] when width &lt; 0. */
    private static Protobuf valueInfo(String name, int width) {
        Protobuf shape = new Protobuf().message(1, new Protobuf().string(2, "N"));
        if (width >= 0) {
            shape.message(1, new Protobuf().int64(1, width));
        }
        Protobuf tensorType = new Protobuf().int64(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
