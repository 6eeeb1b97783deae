#!/usr/bin/env bash
# Checks an OCI image tar written by Jib (images/build.sh) without a container runtime: unpacks the layers,
# reads the image config, and runs the image's own Java in a chroot of the unpacked root file system as the
# image's user.
#
#   images/check-image.sh IMAGE.tar --port N --main CLASS [--arch amd64] [--start]
#
#   --port N      the port the image must expose (appliance 8080, sync-service 8090)
#   --main CLASS  the main class the entrypoint must name and the class path must contain
#   --start       also start the service from the image and wait (60 s) for GET /observe/health to answer 200
#   --probe-natives  also load the native libraries on the image's class path (FFmpeg, OpenCV, ONNX Runtime)
#                 inside the image with tools/NativeProbe.java (compiled with $JAVA_HOME/bin/javac)
#
# Needs root (chroot, mount namespace). Prints one line per check; exit status non-zero on any failure.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n '2,12p' "$0"; exit 2; }
tar_file="$(realpath "$1")"; shift
port="" main="" arch=amd64 start=0 probe=0
here="$(cd "$(dirname "$0")" && pwd)"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --port) port="${2:?}"; shift 2 ;;
        --main) main="${2:?}"; shift 2 ;;
        --arch) arch="${2:?}"; shift 2 ;;
        --start) start=1; shift ;;
        --probe-natives) probe=1; shift ;;
        *) echo "check-image: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[[ -n "$port" && -n "$main" ]] || { echo "check-image: --port and --main are required" >&2; exit 2; }
PY=/usr/bin/python3; [[ -x "$PY" ]] || PY=python3

tmp="$(mktemp -d)"
svc=""
cleanup() { [[ -n "$svc" ]] && kill_tree "$svc"; rm -rf "$tmp"; }
trap cleanup EXIT
passed=0 failed=0
result() { # result <ok 0|1> <name> <detail>
    if [[ "$1" == 0 ]]; then printf 'ok    %-12s %s\n' "$2" "$3"; passed=$((passed + 1))
    else printf 'FAIL  %-12s %s\n' "$2" "$3"; failed=$((failed + 1)); fi
}

# 1. Layout and config. Jib writes an OCI layout (index.json -> manifest -> config + layers) for
# <format>OCI</format>, or a docker-load tar (manifest.json) otherwise; both are read.
mkdir -p "$tmp/image" "$tmp/rootfs"
tar -xf "$tar_file" -C "$tmp/image"
"$PY" - "$tmp/image" "$tmp" <<'PYTHON'
import json, os, sys
image, out = sys.argv[1], sys.argv[2]
def blob(digest):
    return os.path.join(image, "blobs", *digest.split(":", 1))
if os.path.exists(os.path.join(image, "index.json")):
    index = json.load(open(os.path.join(image, "index.json")))
    manifest = json.load(open(blob(index["manifests"][0]["digest"])))
    config_path = blob(manifest["config"]["digest"])
    layers = [blob(layer["digest"]) for layer in manifest["layers"]]
else:
    manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
    config_path = os.path.join(image, manifest["Config"])
    layers = [os.path.join(image, layer) for layer in manifest["Layers"]]
config = json.load(open(config_path))
json.dump(config, open(os.path.join(out, "config.json"), "w"), indent=1)
open(os.path.join(out, "layers"), "w").write("\n".join(layers) + "\n")
PYTHON
cfg() { "$PY" -c 'import json,sys; c=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$tmp/config.json" "$1"; }

entry0="$(cfg 'c["config"]["Entrypoint"][0]')"
entry_all="$(cfg '" ".join(c["config"]["Entrypoint"])')"
if [[ "$entry0" == /opt/java/bin/java && "$entry_all" == *" $main" ]]; then r=0; else r=1; fi
result "$r" entrypoint "$entry_all"
user="$(cfg 'c["config"].get("User", "")')"
if [[ "$user" == 65532 || "$user" == 65532:65532 ]]; then r=0; else r=1; fi
result "$r" user "${user:-<none>}"
ports="$(cfg '",".join(sorted(c["config"].get("ExposedPorts", {})))')"
if [[ ",$ports," == *",$port/tcp,"* ]]; then r=0; else r=1; fi
result "$r" ports "${ports:-<none>}"
platform="$(cfg 'c["os"] + "/" + c["architecture"]')"
if [[ "$platform" == "linux/$arch" ]]; then r=0; else r=1; fi
result "$r" platform "$platform"

# 2. Unpack the layers in order into one root file system (Jib images from scratch have no whiteouts;
# they are honoured anyway).
while read -r layer; do
    [[ -n "$layer" ]] || continue
    tar -xzf "$layer" -C "$tmp/rootfs" 2>/dev/null || tar -xf "$layer" -C "$tmp/rootfs"
    find "$tmp/rootfs" -name '.wh.*' | while read -r wh; do
        name="$(basename "$wh")"; name="${name#.wh.}"
        rm -rf "${wh%/*}/${name:?}" "$wh"
    done
done < "$tmp/layers"
layers="$(grep -c . "$tmp/layers")"
if [[ -x "$tmp/rootfs/opt/java/bin/java" && -f "$tmp/rootfs/app/jib-classpath-file" ]]; then r=0; else r=1; fi
result "$r" layers "$layers layers, $(du -sh "$tmp/rootfs" | cut -f1) unpacked"

# The image's environment and the command line, as a runtime would use them.
mapfile -t env < <(cfg '"\n".join(c["config"].get("Env", []))')
mapfile -t entry < <(cfg '"\n".join(c["config"]["Entrypoint"])')
workdir="$(cfg 'c["config"].get("WorkingDir", "/")')"
mkdir -p "$tmp/rootfs/proc" "$tmp/rootfs/dev" "$tmp/rootfs/sys"

in_image() { # in_image <command...>: run in the unpacked rootfs as the image's user, env and working dir
    local uid="${user%%:*}" gid="${user#*:}"
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    unshare -m -p -f --kill-child --propagation private bash -euc '
        root="$1"; workdir="$2"; uid="$3"; gid="$4"; shift 4
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        # a container runtime gives /sys too (read-only); the embedded broker reads the system through it
        mount --rbind -o ro /sys "$root/sys"
        # env -i: nothing of this shell leaks in; the Env of the image config is all the process gets.
        exec env -i "$@"
    ' _ "$tmp/rootfs" "$workdir" "$uid" "$gid" "${env[@]}" \
        "$(type -P unshare)" --root="$tmp/rootfs" --wd="$workdir" --setuid="$uid" --setgid="$gid" -- "$@"
}

kill_tree() { # kill_tree <pid>: the service runs a few processes deep (subshell, unshare, java): end them all
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
    kill "$1" 2>/dev/null || true
}

# 3. The image's Java runs, as 65532, from nothing but the image's files.
if version="$(in_image /opt/java/bin/java -version 2>&1)"; then
    result 0 java "$(head -n 1 <<< "$version")"
else
    result 1 java "$version"
fi

# 4. The entrypoint finds the main class on the image's class path (java --dry-run: create the VM and
# load the main class without running it).
if out="$(in_image "${entry[0]}" --dry-run "${entry[@]:1}" 2>&1)"; then
    result 0 main-class "${entry[-1]} (the entrypoint's class) loads from @/app/jib-classpath-file"
else
    result 1 main-class "$(tail -n 3 <<< "$out" | tr '\n' ' ')"
fi

# 5. Optionally: the natives inside the jars load in the image (every C library they need is there).
if [[ "$probe" == 1 ]]; then
    javac="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/javac"
    mkdir -p "$tmp/rootfs/probe"
    "$javac" --release 21 -d "$tmp/rootfs/probe" "$here/tools/NativeProbe.java"
    chmod -R a+rX "$tmp/rootfs/probe"
    if out="$(in_image /opt/java/bin/java --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=/tmp \
            -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp -cp "$(cat "$tmp/rootfs/app/jib-classpath-file"):/probe" \
            NativeProbe 2>&1)"; then
        result 0 natives "$(tail -n 1 <<< "$out")"
    else
        result 1 natives "$(grep -m 2 -E 'Error|Exception' <<< "$out" | tr '\n' ' ')"
    fi
fi

# 6. Optionally: the service starts and answers its health endpoint.
if [[ "$start" == 1 ]]; then
    http_port="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    # appliance: setkeeper.http.port; sync-service: sync.http.port (Helidon maps KEY_PARTS to key.parts)
    env+=("SETKEEPER_HTTP_PORT=$http_port" "SYNC_HTTP_PORT=$http_port")
    in_image "${entry[@]}" > "$tmp/service.log" 2>&1 & svc=$!
    ok=1
    for _ in $(seq 60); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$http_port/observe/health" 2>/dev/null; then ok=0; break; fi
        kill -0 "$svc" 2>/dev/null || break
        sleep 1
    done
    if [[ "$ok" == 0 ]]; then result 0 start "GET /observe/health on port $http_port: 200"
    else result 1 start "no healthy answer on port $http_port: $(tail -n 3 "$tmp/service.log" | tr '\n' ' ')"; fi
    kill_tree "$svc"; wait "$svc" 2>/dev/null || true; svc=""
fi

echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
