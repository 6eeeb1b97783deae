package io.setkeeper.protocol.models;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundle round-trips byte-exact; a changed file, a foreign key, an extra file or a wrong version is refused. */
class ModelBundleTest {
    private final KeyPair key = ed25519();
    private final byte[] heads = "onnx bytes".getBytes(StandardCharsets.UTF_8);

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, byte[]> files(KeyPair signer, byte[] headsInBundle) throws Exception {
        return signed(signer, "heads.onnx", heads, headsInBundle);
    }

    /** A bundle whose signed manifest lists {@code name} with the hash of {@code listed}, holding {@code held}. */
    private static Map<String, byte[]> signed(KeyPair signer, String name, byte[] listed, byte[] held) throws Exception {
        String manifest = "{\"version\":\"v2\",\"files\":{\"" + name + "\":{\"sha256\":\""
                + ModelBundle.sha256Hex(listed) + "\",\"bytes\":" + listed.length + "}}}";
        byte[] m = manifest.getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(signer.getPrivate());
        s.update(m);
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put(ModelBundle.MANIFEST, m);
        f.put(ModelBundle.SIGNATURE, Base64.getEncoder().encode(s.sign()));
        f.put(name, held);
        return f;
    }

    @Test
    void aSignedBundleRoundTripsAndVerifies() throws Exception {
        byte[] zip = ModelBundle.write(files(key, heads));
        assertArrayEquals(zip, ModelBundle.write(files(key, heads)), "the same version gives the same bytes");
        Map<String, byte[]> read = ModelBundle.read(zip);
        assertArrayEquals(heads, read.get("heads.onnx"));
        assertEquals("v2", ModelBundle.verify(read, key.getPublic(), "v2").getString("version"));
    }

    @Test
    void tamperedForeignOrMislabelledBundlesAreRefused() throws Exception {
        var changed = assertThrows(ModelBundle.RejectedException.class, () -> ModelBundle.verify(
                ModelBundle.read(ModelBundle.write(files(key, "0nnx bytes".getBytes(StandardCharsets.UTF_8)))),
                key.getPublic(), "v2"));
        assertTrue(changed.getMessage().contains("'heads.onnx' has SHA-256"), changed.getMessage());
        var foreign = assertThrows(ModelBundle.RejectedException.class,
                () -> ModelBundle.verify(files(ed25519(), heads), key.getPublic(), "v2"));
        assertTrue(foreign.getMessage().contains("does not verify"), foreign.getMessage());
        var version = assertThrows(ModelBundle.RejectedException.class,
                () -> ModelBundle.verify(files(key, heads), key.getPublic(), "v3"));
        assertTrue(version.getMessage().contains("announced as v3"), version.getMessage());
        Map<String, byte[]> extra = files(key, heads);
        extra.put("payload.sh", new byte[]{1});
        var smuggled = assertThrows(ModelBundle.RejectedException.class,
                () -> ModelBundle.verify(extra, key.getPublic(), "v2"));
        assertTrue(smuggled.getMessage().contains("does not list"), smuggled.getMessage());
        var garbage = assertThrows(ModelBundle.RejectedException.class,
                () -> ModelBundle.verify(ModelBundle.read(new byte[]{1, 2, 3}), key.getPublic(), "v2"));
        assertTrue(garbage.getMessage().contains("lacks"), garbage.getMessage());
    }

    @Test
    void filesInOneFolderTravelAndHostileNamesAreRefused() throws Exception {
        byte[] plate = {(byte) 0x89, 'P', 'N', 'G'};
        Map<String, byte[]> f = signed(key, "plates/5C.png", plate, plate);
        Map<String, byte[]> read = ModelBundle.read(ModelBundle.write(f));
        assertArrayEquals(plate, read.get("plates/5C.png"));
        ModelBundle.verify(read, key.getPublic(), "v2");
        for (String hostile : new String[] {"../heads.onnx", "plates/../x", "a/b/c.png", "/etc/passwd", "plates/", ".hidden"}) {
            assertThrows(IllegalArgumentException.class, () -> ModelBundle.write(Map.of(hostile, new byte[] {1})), hostile);
        }
    }
}
