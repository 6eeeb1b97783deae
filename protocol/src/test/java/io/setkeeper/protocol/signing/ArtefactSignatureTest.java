package io.setkeeper.protocol.signing;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtefactSignatureTest {
    @Test
    void aSignatureVerifiesOnlyForItsHashAndItsKey() throws Exception {
        KeyPair production = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String hash = "ab".repeat(32);
        String sig = ArtefactSignature.sign(production.getPrivate(), hash);
        var key = ArtefactSignature.publicKey(ArtefactSignature.encode(production.getPublic()));
        assertTrue(ArtefactSignature.verify(key, hash, sig));
        assertFalse(ArtefactSignature.verify(key, "cd".repeat(32), sig), "another hash");
        assertFalse(ArtefactSignature.verify(other.getPublic(), hash, sig), "another key");
        assertFalse(ArtefactSignature.verify(key, hash, null), "unsigned");
        assertFalse(ArtefactSignature.verify(key, hash, "not base64!"), "garbage");
        assertThrows(IllegalArgumentException.class, () -> ArtefactSignature.publicKey("AAAA"));
    }
}
