#!/usr/bin/env bash
# Builds the ONNX Runtime native libraries with the CUDA and TensorRT execution providers for JetPack 6, for
# the Java API that the appliance already ships (com.microsoft.onnxruntime:onnxruntime, same version).
# Run ON the Jetson (or in an L4T R36 aarch64 container with the same CUDA/cuDNN/TensorRT), as a normal user.
#
#   build-onnxruntime-jetpack.sh [--src DIR] [--out DIR] [--jobs N] [--ort-jar JAR] [--check-only]
#
#   --src DIR      where to clone/build (default ~/src/onnxruntime); needs ~40 GB free and network for git
#   --out DIR      where the finished libraries go (default ./onnxruntime-jetpack-<version>)
#   --jobs N       parallel compile jobs (default 4; on an 8 GB Orin use 2 and add swap, nvcc is hungry)
#   --ort-jar JAR  the onnxruntime-<version>.jar for the smoke test (default: from ~/.m2)
#   --check-only   check the platform and prerequisites, build nothing
#
# Result: OUT/ with libonnxruntime.so, libonnxruntime4j_jni.so, libonnxruntime_providers_shared.so,
# libonnxruntime_providers_cuda.so, libonnxruntime_providers_tensorrt.so and SHA256SUMS. Install it to
# /opt/setkeeper/onnxruntime/lib (versions.env: ONNXRUNTIME_LIB_DIR); the appliance's config key
# inference.onnxruntime.library-path names that directory. See onnxruntime/README.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=/dev/null
source "$here/../versions.env"

src="$HOME/src/onnxruntime" out="$PWD/onnxruntime-jetpack-$ONNXRUNTIME_VERSION" jobs=4 check_only=0
ort_jar="$HOME/.m2/repository/com/microsoft/onnxruntime/onnxruntime/$ONNXRUNTIME_VERSION/onnxruntime-$ONNXRUNTIME_VERSION.jar"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --src) src="${2:?}"; shift 2 ;;
        --out) out="${2:?}"; shift 2 ;;
        --jobs) jobs="${2:?}"; shift 2 ;;
        --ort-jar) ort_jar="${2:?}"; shift 2 ;;
        --check-only) check_only=1; shift ;;
        *) echo "unknown argument '$1'" >&2; exit 2 ;;
    esac
done

fail() { echo "build-onnxruntime-jetpack: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "platform"
[[ "$(uname -m)" == aarch64 ]] || fail "not aarch64: build on the Jetson or an L4T container"
release="$(head -n 1 /etc/nv_tegra_release 2>/dev/null || true)"
[[ "$release" == *"R$L4T_RELEASE"* ]] || fail "not L4T R$L4T_RELEASE (/etc/nv_tegra_release: '$release')"
echo "L4T: $release"

step "CUDA $CUDA_VERSION, cuDNN $CUDNN_VERSION, TensorRT $TENSORRT_VERSION"
cuda_home="/usr/local/cuda-$CUDA_VERSION"
[[ -x "$cuda_home/bin/nvcc" ]] || fail "no $cuda_home/bin/nvcc (apt install nvidia-jetpack or cuda-toolkit-${CUDA_VERSION/./-})"
"$cuda_home/bin/nvcc" --version | grep -q "release $CUDA_VERSION" || fail "nvcc is not CUDA $CUDA_VERSION"
pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true; }
[[ "$(pkg_version libcudnn9-dev-cuda-12)" == "$CUDNN_VERSION"* ]] || fail "libcudnn9-dev-cuda-12 is not $CUDNN_VERSION"
[[ "$(pkg_version libnvinfer-dev)" == "$TENSORRT_VERSION"* ]] || fail "libnvinfer-dev is not $TENSORRT_VERSION"

step "tools"
for tool in git python3 cmake g++ java; do command -v "$tool" >/dev/null || fail "missing $tool"; done
# ONNX Runtime 1.2x needs a newer CMake than Ubuntu 22.04's 3.22: `python3 -m pip install --user cmake`.
cmake_version="$(cmake --version | head -n 1 | awk '{print $3}')"
printf '%s\n3.28\n' "$cmake_version" | sort -V -C && fail "cmake $cmake_version is older than 3.28"
[[ -f "$ort_jar" ]] || fail "no $ort_jar for the smoke test (mvn dependency:get or --ort-jar)"
[[ "$check_only" == 1 ]] && { echo "prerequisites OK"; exit 0; }

step "source $ONNXRUNTIME_GIT_TAG in $src"
if [[ ! -d "$src/.git" ]]; then
    git clone --recursive --branch "$ONNXRUNTIME_GIT_TAG" --depth 1 https://github.com/microsoft/onnxruntime "$src"
fi
git -C "$src" describe --tags --exact-match | grep -qx "$ONNXRUNTIME_GIT_TAG" || fail "$src is not at $ONNXRUNTIME_GIT_TAG"

step "build (this takes hours on an Orin)"
cd "$src"
./build.sh --config Release --update --build --parallel "$jobs" --skip_tests \
    --build_shared_lib --build_java \
    --use_cuda --cuda_home "$cuda_home" --cudnn_home /usr/lib/aarch64-linux-gnu \
    --use_tensorrt --tensorrt_home /usr/lib/aarch64-linux-gnu \
    --cmake_extra_defines "CMAKE_CUDA_ARCHITECTURES=$CUDA_ARCHITECTURES" onnxruntime_BUILD_UNIT_TESTS=OFF

step "collect into $out"
build="$src/build/Linux/Release"
mkdir -p "$out"
# The Java loader looks for exactly these file names in onnxruntime.native.path: copy, dereferencing links.
for lib in libonnxruntime.so libonnxruntime4j_jni.so libonnxruntime_providers_shared.so \
           libonnxruntime_providers_cuda.so libonnxruntime_providers_tensorrt.so; do
    found="$(find "$build" -name "$lib" -print -quit)"
    [[ -n "$found" ]] || fail "build produced no $lib"
    cp -L "$found" "$out/$lib"
done
(cd "$out" && sha256sum ./*.so > SHA256SUMS)

step "smoke test: the Java API sees the CUDA and TensorRT providers"
probe="$(mktemp -d)"
cat > "$probe/Probe.java" <<'JAVA'
public class Probe {
    public static void main(String[] args) throws Exception {
        var providers = ai.onnxruntime.OrtEnvironment.getAvailableProviders();
        System.out.println("providers: " + providers);
        if (!providers.contains(ai.onnxruntime.OrtProvider.CUDA)
                || !providers.contains(ai.onnxruntime.OrtProvider.TENSOR_RT)) {
            System.exit(1);
        }
    }
}
JAVA
java --enable-native-access=ALL-UNNAMED -Donnxruntime.native.path="$out" -cp "$ort_jar" "$probe/Probe.java"
rm -rf "$probe"
echo "done: install with  sudo install -D -m 0644 -t $ONNXRUNTIME_LIB_DIR $out/*.so"
