#!/usr/bin/env bash
# For .ci/run: builds the amd64 images of both services and checks each tar with check-image.sh.
#
#   images/ci.sh [--offline] [--proposed-profile] [--no-start] [--module NAME]...
#
# --no-start skips starting the service from the image (use it while a module's Main is still a stub).
# Needs root (check-image.sh chroots). Last line: "N passed, N failed"; exit status non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
build_flags=() check_flags=(--probe-natives --start) modules=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --offline|--proposed-profile) build_flags+=("$1"); shift ;;
        --no-start) check_flags=(--probe-natives); shift ;;
        --module) modules+=("${2:?}"); shift 2 ;;
        *) echo "ci.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[[ ${#modules[@]} -gt 0 ]] || modules=(appliance sync-service)
declare -A port=([appliance]=8080 [sync-service]=8090)
declare -A main=([appliance]=io.setkeeper.appliance.Main [sync-service]=io.setkeeper.sync.Main)

passed=0 failed=0
for module in "${modules[@]}"; do
    log="$(mktemp)"
    if "$here/build.sh" --module "$module" --arch amd64 "${build_flags[@]}" > "$log" 2>&1; then
        echo "ok    build $module: $(grep '^== image' "$log" | tail -n 1)"
        passed=$((passed + 1))
    else
        echo "FAIL  build $module"; grep -v '^WARNING' "$log" | tail -n 15 | sed 's/^/      /'
        failed=$((failed + 1)); rm -f "$log"; continue
    fi
    rm -f "$log"
    out="$("$here/check-image.sh" "$repo/target/images/$module-amd64.tar" --port "${port[$module]}" \
        --main "${main[$module]}" "${check_flags[@]}" 2>&1 || true)"
    grep -v 'passed, .* failed$' <<< "$out" | sed "s/^\(ok\|FAIL\)\( *\)/\1\2$module: /"
    last="$(tail -n 1 <<< "$out")"
    if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
    else
        echo "FAIL  $module: check-image.sh did not finish: $last"; failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
