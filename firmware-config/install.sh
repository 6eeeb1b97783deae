#!/usr/bin/env bash
# Installs firmware-config onto a Jetson (or into a staging root for checking).
#
#   sudo ./install.sh [--root DIR] [--with-sync] [--no-ssh] [--appliance-target DIR] [--jdk DIR]
#                     [--pki DIR]
#
#   --root DIR              install below DIR instead of / (nothing is enabled or restarted then)
#   --with-sync             also enable the local sync-service (the laptop case)
#   --no-ssh                close SSH in the firewall (empty ssh_ports set)
#   --appliance-target DIR  appliance/target of a `mvn package`: its jar -> /opt/setkeeper/appliance/appliance.jar,
#                           target/libs -> /opt/setkeeper/appliance/libs
#   --jdk DIR               a Temurin JDK/JRE for aarch64 to copy to /opt/setkeeper/jdk
#   --pki DIR               a production's folder from pki/provision-production.sh: installed to
#                           /etc/setkeeper/pki/<production>, its Mosquitto config to /etc/mosquitto/conf.d
#
# Config files that an operator edits (application.yaml, appliance.env) are never overwritten.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="" with_sync=0 no_ssh=0 app_target="" jdk="" pki=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --root) root="${2:?}"; shift 2 ;;
        --with-sync) with_sync=1; shift ;;
        --no-ssh) no_ssh=1; shift ;;
        --appliance-target) app_target="${2:?}"; shift 2 ;;
        --jdk) jdk="${2:?}"; shift 2 ;;
        --pki) pki="${2:?}"; shift 2 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
[[ -z "$root" ]] && [[ "$(id -u)" != 0 ]] && { echo "install.sh: run as root (or use --root DIR)" >&2; exit 2; }

say() { echo "install: $*"; }
put() { # put <mode> <source> <destination below root>
    install -D -m "$1" "$2" "$root$3"
}
put_once() { # like put, but keeps an operator's edited file
    if [[ -e "$root$3" ]]; then say "keeping existing $3"; else put "$@"; fi
}

for f in "$here"/bin/*; do put 0755 "$f" "/opt/setkeeper/bin/$(basename "$f")"; done
for f in "$here"/systemd/*; do put 0644 "$f" "/etc/systemd/system/$(basename "$f")"; done
put 0644 "$here/udev/99-setkeeper-cards.rules" /etc/udev/rules.d/99-setkeeper-cards.rules
for f in "$here"/power/*.conf; do put 0644 "$f" "/etc/setkeeper/power/$(basename "$f")"; done
put 0644 "$here/sysusers.d/setkeeper.conf" /usr/lib/sysusers.d/setkeeper.conf
put 0644 "$here/tmpfiles.d/setkeeper.conf" /usr/lib/tmpfiles.d/setkeeper.conf
put 0644 "$here/chrony/setkeeper.conf" /etc/chrony/chrony.conf
put 0644 "$here/nftables/setkeeper.nft" /etc/nftables.conf
put 0644 "$here/versions.env" /opt/setkeeper/versions.env
put_once 0640 "$here/etc/application-jetson.yaml" /etc/setkeeper/application.yaml
put_once 0640 "$here/etc/appliance.env" /etc/setkeeper/appliance.env
if [[ "$no_ssh" == 1 ]]; then
    sed -i '/set ssh_ports/,/}/{/elements = /d}' "$root/etc/nftables.conf"
    say "SSH closed in /etc/nftables.conf"
fi

# The ingest RAID entry, once.
mkdir -p "$root/etc"
touch "$root/etc/fstab"
if ! grep -q '/srv/setkeeper/ingest' "$root/etc/fstab"; then
    grep -v '^#' "$here/fstab/setkeeper-ingest.fstab" | grep . >> "$root/etc/fstab"
    say "added the ingest RAID to /etc/fstab"
fi

if [[ -d "$here/../docs" ]]; then
    mkdir -p "$root/opt/setkeeper/docs"
    cp -r "$here/../docs/." "$root/opt/setkeeper/docs/"
fi
if [[ -n "$app_target" ]]; then
    jar="$(find "$app_target" -maxdepth 1 -name 'appliance-*.jar' ! -name '*-sources.jar' | head -n 1)"
    [[ -n "$jar" && -d "$app_target/libs" ]] || { echo "install.sh: no appliance jar + libs in $app_target" >&2; exit 2; }
    put 0644 "$jar" /opt/setkeeper/appliance/appliance.jar
    mkdir -p "$root/opt/setkeeper/appliance/libs"
    cp "$app_target"/libs/*.jar "$root/opt/setkeeper/appliance/libs/"
fi
if [[ -n "$jdk" ]]; then
    [[ -x "$jdk/bin/java" ]] || { echo "install.sh: $jdk/bin/java not found" >&2; exit 2; }
    mkdir -p "$root/opt/setkeeper/jdk"
    cp -a "$jdk/." "$root/opt/setkeeper/jdk/"
fi
if [[ -n "$pki" ]]; then
    production="$(basename "$pki")"
    dest="/etc/setkeeper/pki/$production"
    mkdir -p "$root$dest"
    for f in "$pki"/*; do
        case "$(basename "$f")" in
            ca.key|ca.srl) say "not copying $(basename "$f"): the CA key stays off the box" ;;
            *.conf) put 0644 "$f" "/etc/mosquitto/conf.d/$(basename "$f")" ;;
            *.key|*.p12|*.pass) put 0640 "$f" "$dest/$(basename "$f")" ;;
            *) put 0644 "$f" "$dest/$(basename "$f")" ;;
        esac
    done
fi

if [[ -n "$root" ]]; then
    say "staged below $root (nothing enabled)"
    exit 0
fi

systemd-sysusers
systemd-tmpfiles --create /usr/lib/tmpfiles.d/setkeeper.conf
if [[ -n "$pki" ]]; then
    # The broker reads its key and the bridge's client key; the appliance reads its PKCS#12 and signing key.
    chgrp mosquitto "$dest"/broker-*.key "$dest"/appliance-*.key 2>/dev/null || true
    chgrp setkeeper "$dest"/*.p12 "$dest"/*.pass "$dest"/signing-*.key
fi
udevadm control --reload
systemctl daemon-reload
systemctl enable --now nftables.service
systemctl restart chrony.service
systemctl enable setkeeper-appliance.service setkeeper-appliance-health.timer setkeeper-power@shooting.service
[[ "$with_sync" == 1 ]] && systemctl enable setkeeper-sync.service
if [[ -n "$pki" ]]; then
    # The local broker and its bridge to post (mosquitto.conf includes conf.d/).
    systemctl enable mosquitto.service
    systemctl restart mosquitto.service
fi
say "done: reboot, or: systemctl start setkeeper-power@shooting setkeeper-appliance setkeeper-appliance-health.timer"
