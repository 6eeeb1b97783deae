#!/usr/bin/env bash
# Creates (or extends) the key material of one production: a production CA, a broker certificate, an
# appliance client certificate (+ PKCS#12 for Java), an Ed25519 signing key for model/fix manifests, the
# Mosquitto ACL and the rendered Mosquitto bridge config.
#
#   provision-production.sh --production NAME --appliance ID [--out DIR] [--broker-host HOST]
#                           [--post-host HOST] [--post-port PORT] [--pki-dir DIR] [--local-port N]
#                           [--tls-port N] [--days N] [--force]
#
# Run it on the production's admin machine (not on the box). Files land in OUT/NAME/ (default ./pki-out).
# Re-running with another --appliance adds that box under the same CA. Copy to the box only what it needs
# (see docs/security.md): ca.crt, broker-ID.*, appliance-ID.*, signing-ID-ed25519.key, the .acl and the .conf.
# ca.key never goes on a box: keep it offline with the production's records; it is what purge destroys last.
#
# Names: lower-case letters, digits and '-', 1-63 characters (they become MQTT topic levels and CNs).
# TLS keys are ECDSA P-256 (what every MQTT client and the JDK handle); the signing key is Ed25519
# (java.security "Ed25519", JDK 15+).
set -euo pipefail

die() { echo "provision-production: error: $*" >&2; exit 2; }
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

production="" appliance="" out="./pki-out" broker_host="" post_host="" post_port=8883
pki_dir="" local_port=1883 tls_port=8883 days=730 force=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --production) production="${2-}"; shift 2 ;;
        --appliance) appliance="${2-}"; shift 2 ;;
        --out) out="${2-}"; shift 2 ;;
        --broker-host) broker_host="${2-}"; shift 2 ;;
        --post-host) post_host="${2-}"; shift 2 ;;
        --post-port) post_port="${2-}"; shift 2 ;;
        --pki-dir) pki_dir="${2-}"; shift 2 ;;
        --local-port) local_port="${2-}"; shift 2 ;;
        --tls-port) tls_port="${2-}"; shift 2 ;;
        --days) days="${2-}"; shift 2 ;;
        --force) force=1; shift ;;
        -h|--help) usage ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

name_re='^[a-z0-9][a-z0-9-]{0,62}$'
host_re='^[A-Za-z0-9.-]{1,253}$'
[[ "$production" =~ $name_re ]] || die "--production '$production' must match $name_re"
[[ "$appliance" =~ $name_re ]] || die "--appliance '$appliance' must match $name_re"
[[ "$appliance" != post ]] || die "--appliance 'post' is reserved for the facility side"
broker_host="${broker_host:-$appliance.local}"
post_host="${post_host:-mqtt.post.invalid}"
[[ "$broker_host" =~ $host_re ]] || die "--broker-host '$broker_host' is not a host name"
[[ "$post_host" =~ $host_re ]] || die "--post-host '$post_host' is not a host name"
for n in "$post_port" "$local_port" "$tls_port"; do
    if ! [[ "$n" =~ ^[0-9]{1,5}$ ]] || (( n < 1 || n > 65535 )); then die "bad port '$n'"; fi
done
[[ "$days" =~ ^[0-9]{1,5}$ ]] || die "bad --days '$days'"

dir="$out/$production"
pki_dir="${pki_dir:-/etc/setkeeper/pki/$production}"
umask 077
mkdir -p "$dir"

ext="$(mktemp)"
trap 'rm -f "$ext"' EXIT

# 1. The production CA (reused when it exists: one CA per production, many boxes).
if [[ ! -f "$dir/ca.key" ]]; then
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key"
    openssl req -x509 -new -key "$dir/ca.key" -sha256 -days "$days" -out "$dir/ca.crt" \
        -subj "/O=Setkeeper/OU=$production/CN=Setkeeper CA $production" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
        -addext "keyUsage=critical,keyCertSign,cRLSign"
    echo "created CA $dir/ca.crt"
fi

sign() { # sign <name> <subject> <extensions>
    local name="$1" subject="$2"
    printf '%s\n' "$3" > "$ext"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/$name.key"
    openssl req -new -key "$dir/$name.key" -subj "$subject" -out "$dir/$name.csr"
    openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial \
        -sha256 -days "$days" -extfile "$ext" -out "$dir/$name.crt" 2>/dev/null
    rm -f "$dir/$name.csr"
    echo "created $dir/$name.crt ($subject)"
}

# 2. The box's broker certificate (its local broker's TLS listener).
if [[ ! -f "$dir/broker-$appliance.key" || "$force" == 1 ]]; then
    sign "broker-$appliance" "/O=Setkeeper/OU=$production/CN=$broker_host" \
"basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:$broker_host,DNS:localhost,IP:127.0.0.1"
fi

# 3. The appliance's client certificate: CN = <appliance>.<production> is its MQTT user name everywhere.
cn="$appliance.$production"
if [[ -f "$dir/appliance-$appliance.key" && "$force" != 1 ]]; then
    die "appliance '$appliance' already has keys in $dir (use --force to replace them)"
fi
sign "appliance-$appliance" "/O=Setkeeper/OU=$production/CN=$cn" \
"basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth"
# Java reads PKCS#12 directly (KeyStore.getInstance("PKCS12")); the password sits next to it, mode 0600.
openssl rand -hex 24 > "$dir/appliance-$appliance.p12.pass"
openssl pkcs12 -export -name "$cn" -inkey "$dir/appliance-$appliance.key" -in "$dir/appliance-$appliance.crt" \
    -certfile "$dir/ca.crt" -passout "file:$dir/appliance-$appliance.p12.pass" -out "$dir/appliance-$appliance.p12"

# 4. The Ed25519 key that signs model versions and approved fixes from this box.
openssl genpkey -algorithm ED25519 -out "$dir/signing-$appliance-ed25519.key"
openssl pkey -in "$dir/signing-$appliance-ed25519.key" -pubout -out "$dir/signing-$appliance-ed25519.pub"

# 5. Mosquitto ACL (one line per box of this production) and the bridge config for this box.
acl="$dir/mosquitto-$production.acl"
[[ -f "$acl" ]] || printf '# Setkeeper production %s: each box may use only the production prefix.\n' "$production" > "$acl"
if ! grep -qx "user $cn" "$acl"; then
    printf '\nuser %s\ntopic readwrite setkeeper/v1/%s/#\n' "$cn" "$production" >> "$acl"
fi
template="$(dirname "$0")/../mosquitto/setkeeper-bridge.conf.in"
[[ -f "$template" ]] || die "missing template $template"
sed -e "s|@PRODUCTION@|$production|g" -e "s|@APPLIANCE@|$appliance|g" -e "s|@PKI_DIR@|$pki_dir|g" \
    -e "s|@POST_HOST@|$post_host|g" -e "s|@POST_PORT@|$post_port|g" \
    -e "s|@LOCAL_PORT@|$local_port|g" -e "s|@TLS_PORT@|$tls_port|g" \
    "$template" > "$dir/mosquitto-setkeeper-$production.conf"
if grep -q '@[A-Z_]*@' "$dir/mosquitto-setkeeper-$production.conf"; then
    die "unrendered placeholder in $dir/mosquitto-setkeeper-$production.conf"
fi

chmod 0644 "$dir"/*.crt "$dir"/*.pub "$dir"/*.acl "$dir"/*.conf
echo "production $production, appliance $appliance: material in $dir (broker config expects it in $pki_dir)"
