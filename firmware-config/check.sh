#!/usr/bin/env bash
# Validates every file in firmware-config/ that a tool can check, with the real tools: systemd-analyze,
# udevadm, nft, chronyd, mosquitto (two real brokers and a real bridge), openssl, shellcheck, findmnt, a YAML
# parser, and a real read-only mount of a card image through bin/setkeeper-card.
#
#   check.sh [--only NAME] [DIR]     check DIR (default: the folder of this script); one line per check
#   check.sh --self-test             break a copy of each checked file and require its check to fail
#
# Needs root (mounts, network namespaces, loop devices) and the packages in apt-packages.txt.
# Exit status: 0 when every check passed, 1 otherwise. Last line: "N passed, N failed".
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
only="" self_test=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --only) only="${2:?}"; shift 2 ;;
        --self-test) self_test=1; shift ;;
        -*) echo "check.sh: unknown option '$1'" >&2; exit 2 ;;
        *) break ;;
    esac
done
dir="$(cd "${1:-$here}" && pwd)"
PY=/usr/bin/python3
[[ -x "$PY" ]] || PY=python3

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# What a check starts (brokers, HTTP servers, loop devices) it registers here; run_check runs each check in
# its own subshell whose EXIT trap ends and detaches them, whether the check passed or failed.
pids=() loops=()
check_cleanup() {
    local p l
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    for l in "${loops[@]}"; do blockdev --setrw "$l" 2>/dev/null || true; losetup -d "$l" 2>/dev/null || true; done
}

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# The shell scripts of firmware-config: *.sh and everything with a bash shebang.
scripts() {
    find "$dir" -type f ! -path '*/.git/*' | sort | while read -r f; do
        if [[ "$f" == *.sh ]] || head -n 1 "$f" | grep -q '^#!.*\(ba\)\{0,1\}sh'; then
            [[ "$f" == *.nft ]] || echo "$f"
        fi
    done
}

# ---------------------------------------------------------------------------------------------- checks --
# Each check prints what it found and returns non-zero on failure. They run with errexit (see run_check).

c_versions() {
    local f="$dir/versions.env" key
    bash -n "$f"
    grep -nEv '^(#.*|[A-Z][A-Z0-9_]*=[A-Za-z0-9._/:-]*|)$' "$f" && { echo "lines that are not KEY=value"; return 1; }
    for key in L4T_VERSION L4T_RELEASE CUDA_VERSION CUDNN_VERSION TENSORRT_VERSION CUDA_ARCHITECTURES \
               JDK_FEATURE JDK_ARCH ONNXRUNTIME_VERSION ONNXRUNTIME_GIT_TAG ONNXRUNTIME_LIB_DIR \
               SETKEEPER_HTTP_PORT SETKEEPER_SYNC_HTTP_PORT; do
        grep -q "^$key=." "$f" || { echo "missing $key"; return 1; }
    done
    # shellcheck source=/dev/null
    (source "$f"; [[ "$L4T_VERSION" == "$L4T_RELEASE".* && "$ONNXRUNTIME_GIT_TAG" == "v$ONNXRUNTIME_VERSION" ]]) \
        || { echo "L4T_VERSION/L4T_RELEASE or ONNXRUNTIME_GIT_TAG/VERSION disagree"; return 1; }
    echo "versions.env: all pins present"
}

c_shellcheck() {
    local files
    mapfile -t files < <(scripts)
    [[ ${#files[@]} -ge 6 ]] || { echo "found only ${#files[@]} scripts"; return 1; }
    shellcheck "${files[@]}"
    echo "shellcheck clean: ${#files[@]} scripts"
}

c_systemd() {
    # systemd-analyze verify also checks that ExecStart= programs exist: give it /opt/setkeeper as the box
    # has it, in a private mount namespace (the host's /opt is untouched).
    mkdir -p /opt
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    unshare -m --propagation private bash -euo pipefail -c '
        dir="$1"
        mount -t tmpfs tmpfs /opt
        mkdir -p /opt/setkeeper/bin /opt/setkeeper/jdk/bin
        cp "$dir"/bin/* /opt/setkeeper/bin/
        ln -s "$(type -P true)" /opt/setkeeper/jdk/bin/java
        cd "$dir/systemd"
        out="$(systemd-analyze verify ./*.service ./*.timer 2>&1)" || { echo "$out"; exit 1; }
        # Warnings (unknown keys, bad values) do not change the exit status: any output is a failure.
        [[ -z "$out" ]] || { echo "$out"; exit 1; }
    ' _ "$dir"
    echo "systemd-analyze verify: $(find "$dir/systemd" -type f | wc -l) units clean"
}

c_hardening() {
    # systemd's own exposure score (0 = locked down, 10 = unprotected) for the two long-running services;
    # 3.0 is the limit (the appliance scores 2.2: it keeps the GPU device nodes and a JIT).
    mkdir -p /opt
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    unshare -m --propagation private bash -euo pipefail -c '
        dir="$1"
        mount -t tmpfs tmpfs /opt
        mkdir -p /opt/setkeeper/jdk/bin
        ln -s "$(type -P true)" /opt/setkeeper/jdk/bin/java
        for unit in setkeeper-appliance.service setkeeper-sync.service; do
            out="$(systemd-analyze security --offline=yes --threshold=30 "$dir/systemd/$unit" 2>&1)" \
                || { tail -n 1 <<< "$out"; echo "$unit is above the exposure limit 3.0"; exit 1; }
            tail -n 1 <<< "$out" | sed "s/.*exposure level for //; s/ [^ ]*$//"
        done
    ' _ "$dir" | paste -sd ';'
}

c_udev() {
    local rules="$dir/udev/99-setkeeper-cards.rules" dev out unit
    mkdir -p "$tmp/udev-rules"
    cp "$rules" "$tmp/udev-rules/"
    dev="$(find /sys/class/block/ -mindepth 1 -maxdepth 1 | head -n 1)"
    dev="${dev:-/sys/class/net/lo}"
    # udevadm test parses every rules file with udev's own parser; ours is put in /etc/udev/rules.d in a
    # private mount namespace. (udevadm verify only exists from systemd 253 on; Debian 12 has 252.)
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    out="$(unshare -m --propagation private bash -c \
        'mount --bind "$1" /etc/udev/rules.d && udevadm test --action=add "$2" 2>&1' _ "$tmp/udev-rules" "$dev")"
    grep -q "Reading rules file: /etc/udev/rules.d/99-setkeeper-cards.rules" <<< "$out" \
        || { echo "udevadm did not read the rules file"; return 1; }
    if grep -E "^/etc/udev/rules.d/99-setkeeper-cards.rules:[0-9]+" <<< "$out"; then return 1; fi
    unit="$(grep -o 'SYSTEMD_WANTS}+="[^"]*"' "$rules" | sed 's/.*"\(.*\)@%k.service"/\1@.service/')"
    [[ -f "$dir/systemd/$unit" ]] || { echo "the rule wants $unit, which firmware-config/systemd lacks"; return 1; }
    echo "udevadm test: rules parsed without diagnostics; wants $unit"
}

c_nft() {
    if [[ "$(id -u)" == 0 ]]; then unshare -n nft -c -f "$dir/nftables/setkeeper.nft"
    else unshare -rn nft -c -f "$dir/nftables/setkeeper.nft"; fi
    grep -q 'policy drop' "$dir/nftables/setkeeper.nft"
    echo "nft -c: ruleset valid"
}

c_chrony() {
    chronyd -p -f "$dir/chrony/setkeeper.conf" > /dev/null
    echo "chronyd -p: config parsed"
}

c_yaml() {
    "$PY" - "$dir" <<'PYTHON'
import pathlib, sys, yaml

root = pathlib.Path(sys.argv[1])
files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and ".git" not in p.parts)
if not files:
    sys.exit("no YAML files found")
for p in files:
    yaml.safe_load(p.read_text())   # raises on a syntax error

# Schema of the box's appliance overrides: (path, type, extra test). Unknown keys under a schema'd map fail,
# so a typo (library_path) cannot silently fall back to a default.
doc = yaml.safe_load((root / "etc/application-jetson.yaml").read_text())
schema = {"setkeeper": {
    "data-dir": (str, lambda v: v.startswith("/")),
    "http": {"host": (str, lambda v: len(v) > 0), "port": (int, lambda v: 0 < v < 65536)},
    "inference": {"provider": (str, lambda v: v in ("cpu", "cuda", "tensorrt")),
                  "intra-op-threads": (int, lambda v: 1 <= v <= 64),
                  "onnxruntime": {"library-path": (str, lambda v: v == "" or v.startswith("/"))}},
}}
def check(node, spec, path):
    if not isinstance(node, dict):
        sys.exit(f"{path or '/'}: expected a map, got {node!r}")
    for key in node:
        if key not in spec:
            sys.exit(f"{path}.{key}: unknown key")
    for key, sub in spec.items():
        if key not in node:
            sys.exit(f"{path}.{key}: missing")
        if isinstance(sub, dict):
            check(node[key], sub, f"{path}.{key}")
        else:
            typ, ok = sub
            value = node[key]
            if type(value) is not typ or not ok(value):
                sys.exit(f"{path}.{key}: bad value {value!r}")
check(doc, schema, "")
print(f"YAML: {len(files)} file(s) parse; application-jetson.yaml matches its schema")
PYTHON
}

c_fstab() {
    local f="$dir/fstab/setkeeper-ingest.fstab" out
    out="$(findmnt --verify --tab-file "$f" 2>&1 || true)"
    grep -q '^0 parse errors' <<< "$out" || { echo "$out"; return 1; }
    # The device and the mount point only exist on the box; the fields are checked here.
    awk '!/^#/ && NF {
        n++
        if (NF != 6) { print "line " NR ": " NF " fields"; bad = 1 }
        if ($2 != "/srv/setkeeper/ingest") { print "mount point " $2; bad = 1 }
        split($4, o, ","); for (i in o) opt[o[i]] = 1
        if (!opt["nofail"] || !opt["noatime"] || !opt["nosuid"] || !opt["nodev"]) { print "options " $4; bad = 1 }
    } END { if (n != 1) { print n " entries"; bad = 1 } exit bad }' "$f"
    echo "findmnt --verify: 0 parse errors; nofail,noatime,nosuid,nodev present"
}

c_pki() {
    local out="$tmp/pki" d
    "$dir/pki/provision-production.sh" --production nightfall --appliance cart-a --out "$out" > /dev/null
    "$dir/pki/provision-production.sh" --production nightfall --appliance cart-b --out "$out" > /dev/null
    d="$out/nightfall"
    openssl verify -CAfile "$d/ca.crt" "$d/broker-cart-a.crt" "$d/appliance-cart-a.crt" "$d/appliance-cart-b.crt"
    openssl x509 -in "$d/appliance-cart-a.crt" -noout -ext extendedKeyUsage | grep -q 'TLS Web Client Authentication'
    openssl x509 -in "$d/broker-cart-a.crt" -noout -ext extendedKeyUsage | grep -q 'TLS Web Server Authentication'
    openssl x509 -in "$d/broker-cart-a.crt" -noout -ext subjectAltName | grep -q 'IP Address:127.0.0.1'
    openssl x509 -in "$d/appliance-cart-a.crt" -noout -subject | grep -q 'CN = cart-a.nightfall'
    openssl pkcs12 -in "$d/appliance-cart-a.p12" -passin "file:$d/appliance-cart-a.p12.pass" -noout
    # The Ed25519 key signs, and its public half verifies; a changed message does not verify.
    printf 'model version 7' > "$tmp/msg"
    openssl pkeyutl -sign -rawin -inkey "$d/signing-cart-a-ed25519.key" -in "$tmp/msg" -out "$tmp/sig"
    openssl pkeyutl -verify -rawin -pubin -inkey "$d/signing-cart-a-ed25519.pub" -in "$tmp/msg" -sigfile "$tmp/sig"
    printf 'model version 8' > "$tmp/msg"
    if openssl pkeyutl -verify -rawin -pubin -inkey "$d/signing-cart-a-ed25519.pub" -in "$tmp/msg" \
        -sigfile "$tmp/sig" > /dev/null 2>&1; then echo "a changed message verified"; return 1; fi
    [[ "$(stat -c %a "$d/ca.key")" == 600 && "$(stat -c %a "$d/appliance-cart-a.key")" == 600 ]] \
        || { echo "private keys are not 0600"; return 1; }
    [[ "$(grep -c '^user ' "$d/mosquitto-nightfall.acl")" == 2 ]] || { echo "ACL should list 2 boxes"; return 1; }
    # Refusals: a topic wildcard in a name, and replacing a box's keys without --force.
    if "$dir/pki/provision-production.sh" --production 'night/#' --appliance x --out "$out" 2>/dev/null; then
        echo "accepted a production name with a topic wildcard"; return 1; fi
    if "$dir/pki/provision-production.sh" --production nightfall --appliance cart-a --out "$out" 2>/dev/null; then
        echo "replaced existing keys without --force"; return 1; fi
    echo "PKI: chain verifies, EKUs right, PKCS#12 opens, Ed25519 signs/verifies, bad names refused"
}

c_mosquitto() {
    local pki="$tmp/mq" d post_port post_obs box_port box_tls bad_port conf
    post_port="$(free_port)"; post_obs="$(free_port)"; box_port="$(free_port)"; box_tls="$(free_port)"
    bad_port="$(free_port)"
    common=(--out "$pki" --pki-dir "$pki/nightfall" --post-host 127.0.0.1)
    # post-sim plays the facility broker: its broker certificate is signed by the same production CA.
    "$dir/pki/provision-production.sh" --production nightfall --appliance post-sim "${common[@]}" > /dev/null
    d="$pki/nightfall"
    mkdir -p "$tmp/mq-data-box" "$tmp/mq-data-post"
    chmod 0755 "$tmp" "$pki" "$d"
    chown mosquitto "$tmp/mq-data-box" "$tmp/mq-data-post"

    # 1. The box's broker with its bridge pointing at a closed port must still start and serve locally.
    "$dir/pki/provision-production.sh" --production nightfall --appliance cart-a "${common[@]}" \
        --post-port "$bad_port" --local-port "$box_port" --tls-port "$box_tls" > /dev/null
    # As install.sh does on the box: the broker (user mosquitto) reads the broker and bridge keys.
    chgrp mosquitto "$d"/*.key && chmod 0640 "$d"/*.key
    # Laid out as on the box: the distribution's mosquitto.conf (persistence on) includes conf.d/.
    mkdir -p "$tmp/box.d"
    printf 'persistence true\npersistence_location %s/\ninclude_dir %s\n' "$tmp/mq-data-box" "$tmp/box.d" > "$tmp/box-main.conf"
    conf="$tmp/box.d/setkeeper-nightfall.conf"
    cp "$d/mosquitto-setkeeper-nightfall.conf" "$conf"
    mosquitto -c "$tmp/box-main.conf" > "$tmp/box1.log" 2>&1 & local box=$!; pids+=("$box")
    sleep 2
    kill -0 "$box" 2>/dev/null || { cat "$tmp/box1.log"; echo "broker died with post unreachable"; return 1; }
    mosquitto_pub -h 127.0.0.1 -p "$box_port" -t setkeeper/v1/nightfall/cart-a/ping -m x -q 1
    kill "$box"; wait "$box" 2>/dev/null || true

    # 2. With post reachable: the bridge connects over TLS with the box's client certificate, carries only
    # this production's prefix, and the box's TLS listener wants a certificate.
    cat > "$tmp/post.conf" <<EOF
per_listener_settings true
persistence false
listener $post_port 127.0.0.1
cafile $d/ca.crt
certfile $d/broker-post-sim.crt
keyfile $d/broker-post-sim.key
require_certificate true
use_identity_as_username true
acl_file $d/mosquitto-nightfall.acl
allow_anonymous false
listener $post_obs 127.0.0.1
allow_anonymous true
EOF
    mosquitto -c "$tmp/post.conf" > "$tmp/post.log" 2>&1 & pids+=("$!")
    sed -e "s|^address .*|address 127.0.0.1:$post_port|" "$d/mosquitto-setkeeper-nightfall.conf" > "$conf"
    sleep 1
    mosquitto -v -c "$tmp/box-main.conf" > "$tmp/box2.log" 2>&1 & pids+=("$!")
    local state
    state="$(mosquitto_sub -h 127.0.0.1 -p "$post_obs" -t setkeeper/v1/nightfall/cart-a/bridge/state -C 1 -W 15)" \
        || { cat "$tmp/box2.log" "$tmp/post.log"; echo "the bridge never connected"; return 1; }
    [[ "$state" == 1 ]] || { echo "bridge state '$state'"; return 1; }
    # The bridge subscribes locally to this production's prefix and nothing wider.
    [[ "$(grep -o 'doing local SUBSCRIBE on topic .*' "$tmp/box2.log" | sort -u)" \
        == "doing local SUBSCRIBE on topic setkeeper/v1/nightfall/#" ]] \
        || { grep SUBSCRIBE "$tmp/box2.log"; echo "the bridge carries more than the production prefix"; return 1; }
    mosquitto_sub -h 127.0.0.1 -p "$post_obs" -t 'setkeeper/v1/othershow/#' -t 'setkeeper/v1/nightfall/cart-a/events/#' \
        -C 1 -W 15 -v > "$tmp/post-got" & local sub=$!; pids+=("$sub")
    sleep 1
    mosquitto_pub -h 127.0.0.1 -p "$box_port" -t setkeeper/v1/othershow/cart-a/events/leak -m leak -q 1
    mosquitto_pub -h 127.0.0.1 -p "$box_port" -t setkeeper/v1/nightfall/cart-a/events/take -m take-3 -q 1
    wait "$sub" || { echo "nothing arrived at post"; return 1; }
    [[ "$(cat "$tmp/post-got")" == "setkeeper/v1/nightfall/cart-a/events/take take-3" ]] \
        || { echo "post received: $(cat "$tmp/post-got")"; return 1; }
    mosquitto_pub -h 127.0.0.1 -p "$box_tls" --cafile "$d/ca.crt" --cert "$d/appliance-cart-a.crt" \
        --key "$d/appliance-cart-a.key" -t setkeeper/v1/nightfall/cart-a/events/tls -m ok -q 1
    if mosquitto_pub -h 127.0.0.1 -p "$box_tls" --cafile "$d/ca.crt" -t setkeeper/v1/nightfall/x -m x -q 1 \
        > /dev/null 2>&1; then echo "the TLS listener accepted a client without a certificate"; return 1; fi
    echo "mosquitto: starts with post down; bridge up over TLS; only setkeeper/v1/nightfall/# crosses"
}

c_card() {
    local img="$tmp/card.img" loop port api_pid
    mkdir -p "$tmp/card-src/CLIPS"
    printf 'not really ProRes' > "$tmp/card-src/CLIPS/A001C002.mov"
    truncate -s 16M "$img"
    # A hostile label: the mount point must not escape the card root.
    mkfs.ext4 -q -L '../A001 x' -d "$tmp/card-src" "$img"
    loop="$(losetup -f --show "$img")"; loops+=("$loop")
    # A reused loop device keeps the read-only flag of an earlier `blockdev --setro`: start from rw.
    blockdev --setrw "$loop"
    [[ "$(blockdev --getro "$loop")" == 0 ]] || { echo "$loop stays read-only before the test"; return 1; }
    port="$(free_port)"
    # The appliance's card token: a root-only file; the fake API answers 401 to any other Authorization.
    local token="sk_card-helper-test-token-0123456789"
    install -m 0600 /dev/null "$tmp/card-token"; printf '%s\n' "$token" > "$tmp/card-token"
    "$PY" - "$port" "$tmp/api-got" "$token" <<'PYTHON' & api_pid=$!; pids+=("$api_pid")
import http.server, sys
port, out, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Authorization") != "Bearer " + token:
            with open(out, "ab") as f:
                f.write(b"401 " + self.path.encode() + b"\n")
            self.send_response(401); self.end_headers(); return
        with open(out, "ab") as f:
            f.write(self.path.encode() + b" " + body + b"\n")
        self.send_response(202); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
PYTHON
    sleep 1
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    unshare -m --propagation private bash -euo pipefail -c '
        dir="$1" tmp="$2" kname="$3" port="$4"
        export SETKEEPER_HTTP_PORT="$port" SETKEEPER_CARD_ROOT="$tmp/media" SETKEEPER_CARD_STATE="$tmp/cards-state" \
               SETKEEPER_USER=root SETKEEPER_ANNOUNCE_TRIES=3 SETKEEPER_CARD_TOKEN_FILE="$tmp/card-token"
        "$dir/bin/setkeeper-card" mount "$kname"
        mp="$(cat "$tmp/cards-state/$kname")"
        echo "mounted on $mp"
        case "$mp" in "$tmp/media/"*) ;; *) echo "mount point outside the card root"; exit 1 ;; esac
        [[ "$mp" != *..* && "${mp##*/}" != .* ]] || { echo "label not sanitized: $mp"; exit 1; }
        opts="$(findmnt -no OPTIONS --mountpoint "$mp")"
        for o in ro nosuid nodev noexec; do
            [[ ",$opts," == *",$o,"* ]] || { echo "missing $o in $opts"; exit 1; }
        done
        [[ "$(blockdev --getro "/dev/$kname")" == 1 ]] || { echo "block device not read-only"; exit 1; }
        [[ "$(cat "$mp/CLIPS/A001C002.mov")" == "not really ProRes" ]]
        if touch "$mp/CLIPS/new" 2>/dev/null; then echo "card is writable"; exit 1; fi
        if "$dir/bin/setkeeper-card" mount "$kname" 2>/dev/null; then echo "mounted twice"; exit 1; fi
        "$dir/bin/setkeeper-card" unmount "$kname"
        if findmnt --mountpoint "$mp" > /dev/null; then echo "still mounted"; exit 1; fi
        if "$dir/bin/setkeeper-card" mount "../sda1" 2>/dev/null; then echo "accepted a path as device"; exit 1; fi
        echo "$mp" > "$tmp/card-mp"
    ' _ "$dir" "$tmp" "${loop#/dev/}" "$port"
    grep -q "^/api/cards/inserted {\"mountPath\":\"$(cat "$tmp/card-mp")\",\"device\":\"$loop\",\"fsType\":\"ext4\"" \
        "$tmp/api-got" || { echo "API got: $(cat "$tmp/api-got" 2>/dev/null)"; return 1; }
    grep -q "^/api/cards/removed " "$tmp/api-got" || { echo "no removal announced: $(cat "$tmp/api-got")"; return 1; }
    if grep -q "^401 " "$tmp/api-got"; then echo "announced without the token: $(cat "$tmp/api-got")"; return 1; fi
    # A token file others can read is refused: no announcement at all, the card still mounts.
    chmod 0644 "$tmp/card-token"; : > "$tmp/api-got"
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    unshare -m --propagation private bash -euo pipefail -c '
        dir="$1" tmp="$2" kname="$3" port="$4"
        export SETKEEPER_HTTP_PORT="$port" SETKEEPER_CARD_ROOT="$tmp/media" SETKEEPER_CARD_STATE="$tmp/cards-state" \
               SETKEEPER_USER=root SETKEEPER_ANNOUNCE_TRIES=1 SETKEEPER_CARD_TOKEN_FILE="$tmp/card-token"
        "$dir/bin/setkeeper-card" mount "$kname" 2> "$tmp/card-loose.log"
        grep -q "must be owned by root with mode 0600" "$tmp/card-loose.log"
        "$dir/bin/setkeeper-card" unmount "$kname" 2>/dev/null
    ' _ "$dir" "$tmp" "${loop#/dev/}" "$port" || { echo "a world-readable token file was not refused"; return 1; }
    [[ ! -s "$tmp/api-got" ]] || { echo "announced with a world-readable token: $(cat "$tmp/api-got")"; return 1; }
    echo "card: mounted ro,nosuid,nodev,noexec on a device set read-only; announced with the root-only token; unmounted"
}

c_health() {
    local port state="$tmp/health" marker="$tmp/restarted" srv
    port="$(free_port)"
    "$PY" -m http.server "$port" --bind 127.0.0.1 --directory "$tmp" > /dev/null 2>&1 & srv=$!; pids+=("$srv")
    sleep 1
    export SETKEEPER_HTTP_PORT="$port" SETKEEPER_HEALTH_PATH=/ SETKEEPER_HEALTH_STATE="$state" \
           SETKEEPER_HEALTH_MAX_FAILS=2 SETKEEPER_HEALTH_RESTART="touch $marker"
    "$dir/bin/setkeeper-health-check"
    kill "$srv"; wait "$srv" 2>/dev/null || true
    if "$dir/bin/setkeeper-health-check"; then echo "healthy with the server gone"; return 1; fi
    [[ ! -e "$marker" ]] || { echo "restarted after one failure"; return 1; }
    if "$dir/bin/setkeeper-health-check"; then echo "healthy with the server gone"; return 1; fi
    [[ -e "$marker" ]] || { echo "no restart after two failures"; return 1; }
    echo "health check: healthy -> 0; restart after 2 consecutive failures"
}

c_power() {
    local model="$tmp/dt-model" profile out
    for m in "NVIDIA Jetson AGX Orin Developer Kit" "NVIDIA Jetson Orin NX Engineering Reference Developer Kit" \
             "NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super"; do
        printf '%s\0' "$m" > "$model"
        for profile in shooting overnight; do
            out="$(SETKEEPER_POWER_DIR="$dir/power" SETKEEPER_DT_MODEL="$model" SETKEEPER_DRY_RUN=1 \
                "$dir/bin/setkeeper-power-profile" "$profile")"
            grep -q 'nvpmodel -m [0-9]' <<< "$out" || { echo "$out"; return 1; }
            if [[ "$profile" == shooting ]]; then grep -qx 'would run: jetson_clocks' <<< "$out"
            else grep -q 'jetson_clocks --restore' <<< "$out"; fi
        done
    done
    printf 'Raspberry Pi 5\0' > "$model"
    if SETKEEPER_POWER_DIR="$dir/power" SETKEEPER_DT_MODEL="$model" SETKEEPER_DRY_RUN=1 \
        "$dir/bin/setkeeper-power-profile" shooting > /dev/null 2>&1; then echo "accepted a non-Orin"; return 1; fi
    echo "power profiles: shooting/overnight resolve on AGX, NX and Nano; other boards refused"
}

c_install() {
    local root="$tmp/stage"
    "$dir/install.sh" --root "$root" --no-ssh > /dev/null
    local f
    for f in etc/systemd/system/setkeeper-appliance.service etc/udev/rules.d/99-setkeeper-cards.rules \
             opt/setkeeper/bin/setkeeper-card etc/setkeeper/application.yaml etc/chrony/chrony.conf; do
        [[ -f "$root/$f" ]] || { echo "missing $f"; return 1; }
    done
    [[ -x "$root/opt/setkeeper/bin/setkeeper-card" ]]
    [[ "$(grep -c /srv/setkeeper/ingest "$root/etc/fstab")" == 1 ]]
    unshare -n nft -c -f "$root/etc/nftables.conf"
    if grep -Eq '^[[:space:]]+elements = \{ 22 \}' "$root/etc/nftables.conf"; then echo "--no-ssh left SSH open"; return 1; fi
    "$dir/install.sh" --root "$root" > /dev/null
    [[ "$(grep -c /srv/setkeeper/ingest "$root/etc/fstab")" == 1 ]] || { echo "fstab entry added twice"; return 1; }
    echo "install.sh: stages every file; idempotent; --no-ssh ruleset still valid"
}

c_onnxruntime() {
    local out
    # Off the Jetson the build script must refuse before touching anything.
    if out="$("$dir/onnxruntime/build-onnxruntime-jetpack.sh" --check-only 2>&1)"; then
        [[ "$(uname -m)" == aarch64 ]] || { echo "ran on $(uname -m): $out"; return 1; }
    fi
    grep -q 'not aarch64\|not L4T' <<< "$out" || [[ "$(uname -m)" == aarch64 ]]
    echo "onnxruntime recipe: refuses to build off a JetPack 6 Orin ($(uname -m) here)"
}

# ------------------------------------------------------------------------------------------------ runner --
passed=0 failed=0
run_check() {
    local name="$1" fn="$2" log
    [[ -z "$only" || "$only" == "$name" ]] || return 0
    log="$tmp/$name.log"
    # In the background so that errexit stays on inside the check (it is off inside an `if` condition).
    ( trap check_cleanup EXIT; "$fn" ) > "$log" 2>&1 &
    if wait $!; then
        printf 'ok    %-11s %s\n' "$name" "$(tail -n 1 "$log")"
        passed=$((passed + 1))
    else
        printf 'FAIL  %s\n' "$name"
        tail -n 25 "$log" | sed 's/^/      /'
        failed=$((failed + 1))
    fi
}

self_test() {
    # Each mutation breaks one file in a fresh copy; the named check must then fail.
    local -a cases=(
        "versions|sed -i /^CUDA_VERSION=/d versions.env"
        "shellcheck|printf '%s\\n' 'for f in \$(ls /tmp); do echo \"\$f\"; done' >> bin/setkeeper-health-check"
        "systemd|sed -i 's/^Restart=always/Restart=sometimes/' systemd/setkeeper-appliance.service"
        "systemd|sed -i 's/^ProtectSystem=strict/ProtectSystm=strict/' systemd/setkeeper-sync.service"
        "hardening|sed -i '/^CapabilityBoundingSet=/d' systemd/setkeeper-appliance.service"
        "udev|sed -i 's/ENV{UDISKS_IGNORE}=\"1\"/ENVIRON{UDISKS_IGNORE}=\"1\"/' udev/99-setkeeper-cards.rules"
        "nft|sed -i 's/policy drop;/policy dorp;/' nftables/setkeeper.nft"
        "chrony|sed -i 's/^makestep 1.0 3/makestep one 3/' chrony/setkeeper.conf"
        "yaml|sed -i 's/port: 8080/port: eighty/' etc/application-jetson.yaml"
        "yaml|sed -i 's/library-path:/library_path:/' etc/application-jetson.yaml"
        "yaml|sed -i 's/provider: tensorrt/provider: tensorflow/' etc/application-jetson.yaml"
        "fstab|sed -i 's/,nofail//' fstab/setkeeper-ingest.fstab"
        "pki|sed -i 's/extendedKeyUsage=clientAuth/extendedKeyUsage=serverAuth/' pki/provision-production.sh"
        "mosquitto|sed -i 's/^require_certificate true/require_certificate false/' mosquitto/setkeeper-bridge.conf.in"
        "mosquitto|sed -i 's|^topic setkeeper/v1/@PRODUCTION@/# both 1|topic setkeeper/v1/# both 1|' mosquitto/setkeeper-bridge.conf.in"
        "mosquitto|sed -i 's|^per_listener_settings true|per_listener_settings true\\npersistence_location /var/lib/mosquitto/|' mosquitto/setkeeper-bridge.conf.in"
        "card|sed -i 's/nodev,noexec,noatime/nodev,noatime/' bin/setkeeper-card"
        "card|sed -i '/blockdev --setro/d' bin/setkeeper-card"
        "card|sed -i 's/Authorization: Bearer/X-Authorization: Bearer/' bin/setkeeper-card"
        "card|sed -i 's/\\^\\[46\\]00\\$/^[0-7]+$/' bin/setkeeper-card"
        "health|sed -i 's/(( fails >= MAX_FAILS ))/(( fails > MAX_FAILS ))/' bin/setkeeper-health-check"
    )
    local entry name mutation copy n=0 ok=0
    for entry in "${cases[@]}"; do
        name="${entry%%|*}"; mutation="${entry#*|}"; n=$((n + 1))
        copy="$tmp/mutant-$n"
        cp -r "$dir" "$copy"
        (cd "$copy" && bash -c "$mutation")
        if diff -rq "$dir" "$copy" > /dev/null; then
            printf 'FAIL  self-test %-11s mutation changed nothing: %s\n' "$name" "$mutation"; continue
        fi
        if "$copy/check.sh" --only "$name" "$copy" > "$tmp/mutant-$n.log" 2>&1; then
            printf 'FAIL  self-test %-11s still passes after: %s\n' "$name" "$mutation"
        else
            printf 'ok    self-test %-11s fails after: %s\n' "$name" "$mutation"
            ok=$((ok + 1))
        fi
    done
    echo "$ok passed, $((n - ok)) failed"
    [[ "$ok" == "$n" ]]
}

if [[ "$self_test" == 1 ]]; then
    self_test
    exit
fi

run_check versions c_versions
run_check shellcheck c_shellcheck
run_check systemd c_systemd
run_check hardening c_hardening
run_check udev c_udev
run_check nft c_nft
run_check chrony c_chrony
run_check yaml c_yaml
run_check fstab c_fstab
run_check pki c_pki
run_check mosquitto c_mosquitto
run_check card c_card
run_check health c_health
run_check power c_power
run_check install c_install
run_check onnxruntime c_onnxruntime
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
