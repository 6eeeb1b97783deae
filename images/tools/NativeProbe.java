import java.lang.reflect.Method;
import java.util.List;

/**
 * Loads, inside an image, every native library family of the application that is on its class path
 * (FFmpeg incl. avdevice and OpenCV through JavaCPP, ONNX Runtime) and prints what loaded. Used by
 * images/check-image.sh --probe-natives to prove the image carries every C library those natives need.
 * Exits 1 on the first failure; reflection keeps it independent of which module's class path it runs on.
 */
public final class NativeProbe {
    private NativeProbe() {
    }

    public static void main(String[] args) throws Exception {
        int loaded = 0;
        List<String> javacpp = List.of("org.bytedeco.ffmpeg.global.avformat", "org.bytedeco.ffmpeg.global.avdevice",
                "org.bytedeco.ffmpeg.global.swscale", "org.bytedeco.opencv.global.opencv_imgproc");
        Class<?> loader = find("org.bytedeco.javacpp.Loader");
        if (loader != null) {
            Method load = loader.getMethod("load", Class.class);
            for (String name : javacpp) {
                Class<?> presets = find(name);
                if (presets != null) {
                    System.out.println("loaded " + load.invoke(null, presets));
                    loaded++;
                }
            }
        }
        Class<?> ort = find("ai.onnxruntime.OrtEnvironment");
        if (ort != null) {
            System.out.println("onnxruntime providers " + ort.getMethod("getAvailableProviders").invoke(null));
            loaded++;
        }
        System.out.println(loaded + " native families loaded");
    }

    private static Class<?> find(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
