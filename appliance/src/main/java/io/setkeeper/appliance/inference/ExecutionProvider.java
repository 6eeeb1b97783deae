package io.setkeeper.appliance.inference;

/** Where ONNX Runtime executes a model: the closed set Setkeeper configures and reports in health. */
public enum ExecutionProvider {
    /** Plain CPU kernels, always available. */
    CPU,
    /** NVIDIA CUDA (the Jetson's JetPack build of ONNX Runtime, or onnxruntime_gpu on x86). */
    CUDA,
    /** NVIDIA TensorRT, with CUDA behind it for unsupported nodes. */
    TENSORRT
}
