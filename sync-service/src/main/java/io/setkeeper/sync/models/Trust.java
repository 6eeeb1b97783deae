package io.setkeeper.sync.models;

import io.setkeeper.protocol.models.ModelBundle;
import io.setkeeper.protocol.signing.ArtefactSignature;
import io.setkeeper.sync.store.ModelTables;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Which Ed25519 key a production's artefacts must be signed with. A key provisioned in the configuration
 * ({@code sync.productions.<p>.public-key}) always wins. Without one, and with first-contact pinning on
 * ({@code sync.trust.first-contact}, the default), the key in the production's first accepted model announcement is
 * pinned in the database and every later announcement must carry the same key: whoever reaches post first for a
 * production decides its key (trust on first use), so pinning is only as safe as the broker's per-production
 * authentication. With pinning off, a production without a provisioned key has no trusted key and its models wait.
 */
public final class Trust {
    private final Map<String, PublicKey> provisioned;
    private final boolean firstContact;
    private final ModelTables tables;
    private final Clock clock;

    public Trust(Map<String, PublicKey> provisioned, boolean firstContact, ModelTables tables, Clock clock) {
        this.provisioned = Map.copyOf(provisioned);
        this.firstContact = firstContact;
        this.tables = tables;
        this.clock = clock;
    }

    /** The key a production's artefacts are verified with, if one is provisioned or pinned. */
    public Optional<PublicKey> key(String production) {
        PublicKey k = provisioned.get(production);
        if (k != null) {
            return Optional.of(k);
        }
        return tables.key(production).map(p -> ArtefactSignature.publicKey(p.publicKey()));
    }

    /**
     * Checks the key an announcement carries (base64 X.509 and its fingerprint, either may be null); pins it at
     * first contact. Returns why the announcement is refused, or empty if its key is acceptable.
     */
    public Optional<String> admit(String production, String publicKey, String fingerprint) {
        if (publicKey == null) {
            return Optional.empty();  // nothing claimed: the artefact is checked against the known key, if any
        }
        PublicKey announced;
        try {
            announced = ArtefactSignature.publicKey(publicKey);
        } catch (IllegalArgumentException e) {
            return Optional.of("the announced public key is unreadable: " + e.getMessage());
        }
        String actual = ModelBundle.fingerprint(announced.getEncoded());
        if (fingerprint != null && !fingerprint.equals(actual)) {
            return Optional.of("the announced key's fingerprint is " + actual + ", the announcement says "
                    + fingerprint);
        }
        PublicKey p = provisioned.get(production);
        if (p != null) {
            return Arrays.equals(p.getEncoded(), announced.getEncoded()) ? Optional.empty()
                    : Optional.of("key " + actual + " is not the key provisioned for production " + production
                    + " (" + ModelBundle.fingerprint(p.getEncoded()) + ")");
        }
        Optional<ModelTables.ProductionKey> pinned = tables.key(production);
        if (pinned.isEmpty()) {
            if (!firstContact) {
                return Optional.of("no key is provisioned for production " + production
                        + " and first-contact pinning is off (sync.trust.first-contact=false)");
            }
            pinned = Optional.of(tables.pin(new ModelTables.ProductionKey(production, publicKey, actual,
                    "first-contact", clock.instant())));
        }
        return pinned.get().fingerprint().equals(actual) ? Optional.empty()
                : Optional.of("production " + production + " is pinned to key " + pinned.get().fingerprint()
                + " since " + pinned.get().since() + "; this box announced key " + actual);
    }
}
