package io.setkeeper.appliance.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One open model: runs float tensors in and out as plain {@link Tensor} values. Thread-safe for concurrent
 * {@link #run} calls (ONNX Runtime sessions are). Close it to free the native session.
 */
public final class ModelSession implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final ModelRegistry.Entry model;
    private final ExecutionProvider provider;
    private final int intraOpThreads;
    private final List<String> outputNames;

    ModelSession(OrtEnvironment env, OrtSession session, ModelRegistry.Entry model, ExecutionProvider provider,
                 int intraOpThreads) {
        this.env = env;
        this.session = session;
        this.model = model;
        this.provider = provider;
        this.intraOpThreads = intraOpThreads;
        this.outputNames = List.copyOf(session.getOutputNames());
    }

    public ModelRegistry.Entry model() {
        return model;
    }

    public ExecutionProvider provider() {
        return provider;
    }

    public int intraOpThreads() {
        return intraOpThreads;
    }

    /** Output names in the model's declared order. */
    public List<String> outputNames() {
        return outputNames;
    }

    /** Input names with their declared shapes (-1 for dynamic dimensions). */
    public Map<String, long[]> inputShapes() {
        try {
            Map<String, long[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
                out.put(e.getKey(), ((TensorInfo) e.getValue().getInfo()).getShape());
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("model '" + model.name() + "': cannot read input info", e);
        }
    }

    /** Runs the model; returns every output by name, in declared order. */
    public Map<String, Tensor> run(Map<String, Tensor> inputs) {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                feeds.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().data()), e.getValue().shape()));
            }
            try (OrtSession.Result result = session.run(feeds)) {
                Map<String, Tensor> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    out.put(e.getKey(), new Tensor(t.getInfo().getShape(), floats(t.getFloatBuffer())));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("model '" + model.name() + "' failed to run: " + e.getMessage(), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * The values of an output buffer: its own array when it is a fresh heap buffer that is exactly that array (ONNX
     * Runtime copies each output into one), else a copy. Saves a second copy of every output (0.7 ms CPU per frame
     * for DeepLab's 1.4 M logits).
     */
    static float[] floats(FloatBuffer buf) {
        if (buf.hasArray() && buf.arrayOffset() == 0 && buf.position() == 0 && buf.remaining() == buf.array().length) {
            return buf.array();
        }
        float[] data = new float[buf.remaining()];
        buf.get(data);
        return data;
    }

    /**
     * The floor for benchmarks and thread-count choice: milliseconds per bare {@code session.run} on inputs that
     * were converted to ONNX Runtime tensors once, outside the timed loop (median of {@code runs}).
     */
    public double floorMillis(Map<String, Tensor> inputs, int warmup, int runs) {
        Map<String, OnnxTensor> feeds = new HashMap<>();
        try {
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                feeds.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(e.getValue().data()), e.getValue().shape()));
            }
            for (int i = 0; i < warmup; i++) {
                session.run(feeds).close();
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                session.run(feeds).close();
                times.add((System.nanoTime() - t0) / 1e6);
            }
            times.sort(Double::compare);
            return times.get(times.size() / 2);
        } catch (OrtException e) {
            throw new IllegalStateException("model '" + model.name() + "' failed to run: " + e.getMessage(), e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("model '" + model.name() + "': close failed", e);
        }
    }
}
