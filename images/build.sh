#!/usr/bin/env bash
# Builds the OCI image tars of the appliance and the sync-service with Jib, from `scratch` plus a jlink'd
# Temurin 25 runtime: no Docker daemon, no registry.
#
#   images/build.sh [--module appliance|sync-service]... [--arch amd64] [--jdk DIR] [--offline]
#                   [--proposed-profile]
#
#   --module            build only this module (repeatable; default: both)
#   --arch              amd64 (default). arm64 must run on an aarch64 machine (the Jetson): see README.md
#   --jdk DIR           the JDK whose jlink builds the runtime (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   --offline           pass -o to Maven
#   --proposed-profile  the poms do not have the `image` profile yet: build from a temporary copy of the
#                       repository with images/jib-profile.xml pasted into the module poms
#
# Output: target/images/<module>-<arch>.tar (OCI image, `jib:buildTar`), and the root file systems that went
# into them under target/images/rootfs-<module>-<arch>. Check a tar with images/check-image.sh.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
modules=() arch=amd64 jdk=/usr/lib/jvm/temurin-25-jdk-amd64 mvn_flags=(-B -q) proposed=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --module) modules+=("${2:?}"); shift 2 ;;
        --arch) arch="${2:?}"; shift 2 ;;
        --jdk) jdk="${2:?}"; shift 2 ;;
        --offline) mvn_flags+=(-o); shift ;;
        --proposed-profile) proposed=1; shift ;;
        *) echo "build.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[[ ${#modules[@]} -gt 0 ]] || modules=(appliance sync-service)

die() { echo "build.sh: error: $*" >&2; exit 1; }
step() { echo "== $*"; }

case "$arch" in
    amd64) [[ "$(uname -m)" == x86_64 ]] || die "amd64 images are built on x86_64" ;;
    arm64) [[ "$(uname -m)" == aarch64 ]] || die "arm64 images are built on aarch64 (the Jetson): jlink without jmods links only its own platform, and the C libraries come from that system" ;;
    *) die "unknown --arch '$arch'" ;;
esac
[[ -x "$jdk/bin/jlink" ]] || die "no jlink in $jdk"
export JAVA_HOME="$jdk"

out="$repo/target/images"
mkdir -p "$out"
work="$repo"
if [[ "$proposed" == 1 ]]; then
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    step "temporary copy of the repository with the proposed image profile: $work"
    (cd "$repo" && git ls-files -z | xargs -0 cp --parents -t "$work")
fi

# The JDK modules every image needs besides what modular jars declare (automatic modules declare nothing):
# logging, JMX for Helidon's system meters, JNDI/SQL for H2, the HTTP client, Unsafe users, zip file systems.
base_modules="java.base,java.logging,java.management,jdk.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.net,jdk.zipfs,jdk.crypto.ec,java.security.jgss"

paste_profile() { # paste_profile <pom> <port> <main class>
    python3 - "$1" "$2" "$3" "$here/jib-profile.xml" <<'PYTHON'
import re, sys
pom, port, main, profile_file = sys.argv[1:]
profile = open(profile_file).read()
profile = profile[re.search(r"^<profiles>", profile, re.M).start():]
profile = profile.replace("<image.port>8080</image.port>", f"<image.port>{port}</image.port>")
profile = profile.replace("<image.mainClass>io.setkeeper.appliance.Main</image.mainClass>",
                          f"<image.mainClass>{main}</image.mainClass>")
text = open(pom).read()
if "<id>image</id>" in text:
    sys.exit(0)
if "<profiles>" in text:
    inner = profile[len("<profiles>"):profile.rindex("</profiles>")]
    text = text.replace("</profiles>", inner + "</profiles>", 1)
else:
    text = text.replace("</project>", profile + "\n</project>", 1)
open(pom, "w").write(text)
PYTHON
}

# The shared libraries (absolute paths on this system) that the given ELF files need, transitively.
library_closure() {
    local f
    for f in "$@"; do
        ldd "$f" 2>/dev/null | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' || true
    done | sort -u
}

build_rootfs() { # build_rootfs <module> <module dir> <rootfs> <class path file>
    local module="$1" mdir="$2" rootfs="$3" modules jar natives lib
    local -a jars=()
    rm -rf "$rootfs"
    jar="$(find "$mdir/target" -maxdepth 1 -name "$module-*.jar" ! -name '*-sources.jar' | head -n 1)"
    [[ -n "$jar" ]] || die "no $module jar in $mdir/target"
    # Only jars: the reactor's own modules appear as target/classes folders.
    [[ -s "$4" ]] && mapfile -t jars < <(tr ':' '\n' < "$4" | grep '\.jar$')
    modules="$("$jdk/bin/java" "$here/tools/RequiredModules.java" "$jar" "${jars[@]}")"
    modules="$base_modules${modules:+,$modules}"
    step "$module: jlink $modules"
    mkdir -p "$rootfs/opt"
    "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
        --compress=zip-6 --output "$rootfs/opt/java"

    # A server is headless: drop the X11, sound and splash-screen libraries of java.desktop (they would pull
    # X11/GTK/PulseAudio into the image); headless AWT (libawt_headless) stays for ImageIO/Java2D.
    rm -f "$rootfs"/opt/java/lib/{libawt_xawt.so,libjsound.so,libsplashscreen.so}

    # Native libraries inside the application's jars (JavaCV/FFmpeg/OpenCV, ONNX Runtime) for this
    # platform: unpacked only to learn which system libraries they need. OpenCV's highgui (windows, GTK) is
    # left out (a server never opens a window), and so is OpenCV's Python module. FFmpeg's avdevice stays
    # (JavaCV loads it), with its X11 client libraries.
    natives="$(mktemp -d)"
    local platform_re='linux-x86_64|linux-x64'
    [[ "$arch" == arm64 ]] && platform_re='linux-arm64|linux-aarch64'
    for lib in "${jars[@]}"; do
        unzip -qq -o "$lib" '*.so' '*.so.*' -d "$natives" 2>/dev/null || true
    done
    mapfile -t elves < <(find "$rootfs/opt/java" "$natives" -type f \( -name '*.so' -o -name '*.so.*' -o -path '*/bin/*' \) \
        | grep -E "^$rootfs/opt/java/|$platform_re" | grep -Ev 'highgui|/python/' || true)
    step "$module: C libraries for ${#elves[@]} ELF files"
    export LD_LIBRARY_PATH
    LD_LIBRARY_PATH="$(find "$natives" -name '*.so*' -printf '%h\n' | sort -u | paste -sd: -)"
    local triplet=x86_64-linux-gnu
    [[ "$arch" == arm64 ]] && triplet=aarch64-linux-gnu
    while read -r lib; do
        [[ "$lib" == "$rootfs"* ]] && continue
        if [[ "$lib" == "$natives"* ]]; then
            # Some jars bundle a copy of a system library (openblas ships libgcc_s.so.1) that JavaCPP only
            # extracts with that jar; other natives (FFmpeg's) need the system's copy: take it.
            lib="/lib/$triplet/${lib##*/}"
            [[ -f "$lib" ]] || continue
        fi
        mkdir -p "$rootfs$(dirname "$lib")"
        cp -L "$lib" "$rootfs$lib"
    done < <(library_closure "${elves[@]}")
    unset LD_LIBRARY_PATH
    rm -rf "$natives"

    # The dynamic loader at the path the ELF headers name (usrmerge systems resolve /lib64 via a link).
    case "$arch" in
        amd64) mkdir -p "$rootfs/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/lib64/" ;;
        arm64) mkdir -p "$rootfs/lib"; cp -L /lib/ld-linux-aarch64.so.1 "$rootfs/lib/" ;;
    esac

    # A user for 65532 (Java asks for user.home) and the writable places.
    mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/nonroot" "$rootfs/var/lib/setkeeper"
    printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$rootfs/etc/passwd"
    printf 'root:x:0:\nnonroot:x:65532:\n' > "$rootfs/etc/group"
    printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
    du -sh "$rootfs" | awk -v m="$module" '{ print "== " m ": rootfs " $1 }'
}

declare -A port=([appliance]=8080 [sync-service]=8090)
declare -A main=([appliance]=io.setkeeper.appliance.Main [sync-service]=io.setkeeper.sync.Main)

for module in "${modules[@]}"; do
    [[ -n "${port[$module]:-}" ]] || die "unknown module '$module'"
    mdir="$work/$module"
    if [[ "$proposed" == 1 ]]; then
        paste_profile "$mdir/pom.xml" "${port[$module]}" "${main[$module]}"
    fi
    grep -q '<id>image</id>' "$mdir/pom.xml" \
        || die "$module/pom.xml has no 'image' profile yet: paste images/jib-profile.xml, or use --proposed-profile"
    step "$module: package"
    # In the reactor (-am), so nothing of ours is installed into ~/.m2. The last module of the reactor is
    # $module, so its runtime class path is what ends up in the file.
    classpath="$out/classpath-$module.txt"
    (cd "$work" && mvn "${mvn_flags[@]}" -pl "$module" -am package dependency:build-classpath -DskipTests \
        -DincludeScope=runtime -Dmdep.outputFile="$classpath")
    rootfs="$out/rootfs-$module-$arch"
    build_rootfs "$module" "$mdir" "$rootfs" "$classpath"
    step "$module: jib:buildTar"
    (cd "$work" && mvn "${mvn_flags[@]}" -pl "$module" -am -Pimage package -DskipTests \
        -Dimage.rootfs="$rootfs" -Dimage.arch="$arch")
    cp "$mdir/target/jib-image.tar" "$out/$module-$arch.tar"
    echo "== image: $out/$module-$arch.tar ($(stat -c %s "$out/$module-$arch.tar") bytes)"
done
