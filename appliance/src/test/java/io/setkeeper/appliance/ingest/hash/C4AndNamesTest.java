package io.setkeeper.appliance.ingest.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class C4AndNamesTest {

    @Test
    void c4OfEmptyInputIsThePublishedId() {
        // the C4 id of zero bytes, as published with the C4 specification
        assertEquals("c459dsjfscH38cYeXXYogktxf4Cd9ibshE3BHUo6a58hBXmRQdZrAkZzsWcbWtDg5oQstpDuni4Hirj75GEmTc1sFT",
                Hasher.hash(HashAlgorithm.C4, new byte[0]));
    }

    @Test
    void c4DecodesBackToTheSha512Bytes() throws Exception {
        for (int n : new int[] {0, 1, 57, 1000}) {
            byte[] data = HasherVectorsTest.generated(n);
            String c4 = Hasher.hash(HashAlgorithm.C4, data);
            assertEquals(90, c4.length());
            assertTrue(c4.startsWith("c4"));
            assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(data), HashAlgorithm.C4.digestBytes(c4));
        }
        assertThrows(IllegalArgumentException.class, () -> HashAlgorithm.C4.digestBytes("c4short"));
        assertFalse(HashAlgorithm.C4.isWellFormed("c4" + "0".repeat(88)));
    }

    @Test
    void mhlNamesRoundTrip() {
        assertEquals("xxh64", HashAlgorithm.DEFAULT.mhlName());
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            assertEquals(Optional.of(algorithm), HashAlgorithm.fromMhlName(algorithm.mhlName().toUpperCase()));
        }
        assertEquals(Optional.empty(), HashAlgorithm.fromMhlName("xxh32"));
        assertArrayEquals(new byte[] {0x0e, (byte) 0xa0, 0x3b, 0x36, (byte) 0x9a, 0x46, 0x3d, (byte) 0x9d},
                HashAlgorithm.XXH64.digestBytes("0ea03b369a463d9d"));
        assertThrows(IllegalArgumentException.class, () -> HashAlgorithm.MD5.digestBytes("0ea03b369a463d9d"));
    }
}
