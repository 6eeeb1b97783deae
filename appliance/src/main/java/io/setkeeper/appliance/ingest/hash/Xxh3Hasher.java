package io.setkeeper.appliance.ingest.hash;

import static io.setkeeper.appliance.ingest.hash.Xxh64Hasher.LONG_LE;

import java.util.HexFormat;
import net.openhft.hashing.LongHashFunction;
import net.openhft.hashing.LongTupleHashFunction;

/**
 * Streaming XXH3-64 and XXH3-128 (seed 0, default secret), written from the xxHash specification.
 *
 * <p>Inputs of up to 240 bytes are hashed by zero-allocation-hashing's one-shot XXH3 (those short paths have
 * no streaming form anyway); longer inputs run the stripe/block accumulator loop here, so multi-GB files stream
 * in constant memory. A stripe is only consumed once a later byte is known to exist, because XXH3 treats the
 * final 64 bytes of the input specially.
 */
final class Xxh3Hasher implements Hasher {
    private static final byte[] SECRET = HexFormat.of().parseHex(""
            + "b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671fcb79e64eccc0e578825ad07dccff7221"
            + "b8084674f743248ee03590e6813a264c3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8"
            + "a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364eac5ac8334d3ebc3c581a0fffa1363eb"
            + "170ddd51b7f0da49d316552629d4689e2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e");
    private static final int SECRET_SIZE = 192;
    private static final int STRIPE = 64;
    private static final int STRIPES_PER_BLOCK = (SECRET_SIZE - STRIPE) / 8;
    private static final int SHORT_MAX = 240;
    private static final int BUF = 256;
    private static final long P32_1 = 0x9E3779B1L;
    private static final long P32_2 = 0x85EBCA77L;
    private static final long P32_3 = 0xC2B2AE3DL;
    private static final long P64_1 = Xxh64Hasher.P1;
    private static final long P64_2 = Xxh64Hasher.P2;

    private final boolean wide;
    private final long[] acc = {P32_3, P64_1, P64_2, Xxh64Hasher.P3, Xxh64Hasher.P4, P32_2, Xxh64Hasher.P5, P32_1};
    private final byte[] buf = new byte[BUF];
    private int bufLen;
    /** The last stripe already consumed: XXH3's final stripe may reach back into it. */
    private final byte[] lastConsumed = new byte[STRIPE];
    private int stripesInBlock;
    private long total;

    Xxh3Hasher(boolean wide) {
        this.wide = wide;
    }

    @Override
    public HashAlgorithm algorithm() {
        return wide ? HashAlgorithm.XXH3_128 : HashAlgorithm.XXH3_64;
    }

    @Override
    public void update(byte[] in, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, in.length);
        total += len;
        if (bufLen + len <= BUF) {
            System.arraycopy(in, off, buf, bufLen, len);
            bufLen += len;
            return;
        }
        if (bufLen > 0) {
            int n = BUF - bufLen;
            System.arraycopy(in, off, buf, bufLen, n);
            off += n;
            len -= n;
            consume(buf, 0, BUF);
            System.arraycopy(buf, BUF - STRIPE, lastConsumed, 0, STRIPE);
            bufLen = 0;
        }
        if (len > STRIPE) {
            int n = ((len - 1) / STRIPE) * STRIPE;
            consume(in, off, n);
            System.arraycopy(in, off + n - STRIPE, lastConsumed, 0, STRIPE);
            off += n;
            len -= n;
        }
        System.arraycopy(in, off, buf, 0, len);
        bufLen = len;
    }

    /** Accumulates whole stripes, scrambling after every block. */
    private void consume(byte[] in, int off, int len) {
        long[] a = acc;
        for (int p = off, end = off + len; p < end; p += STRIPE) {
            accumulate(a, in, p, stripesInBlock * 8);
            if (++stripesInBlock == STRIPES_PER_BLOCK) {
                scramble(a);
                stripesInBlock = 0;
            }
        }
    }

    private static void accumulate(long[] a, byte[] in, int p, int secretOff) {
        for (int i = 0; i < 8; i++) {
            long data = (long) LONG_LE.get(in, p + 8 * i);
            long key = data ^ (long) LONG_LE.get(SECRET, secretOff + 8 * i);
            a[i ^ 1] += data;
            a[i] += (key & 0xFFFFFFFFL) * (key >>> 32);
        }
    }

    private static void scramble(long[] a) {
        for (int i = 0; i < 8; i++) {
            long x = a[i];
            x ^= x >>> 47;
            x ^= (long) LONG_LE.get(SECRET, SECRET_SIZE - STRIPE + 8 * i);
            a[i] = x * P32_1;
        }
    }

    @Override
    public String digest() {
        if (total <= SHORT_MAX) {
            if (wide) {
                long[] lowHigh = LongTupleHashFunction.xx128().hashBytes(buf, 0, bufLen);
                return String.format("%016x%016x", lowHigh[1], lowHigh[0]);
            }
            return String.format("%016x", LongHashFunction.xx3().hashBytes(buf, 0, bufLen));
        }
        long[] a = acc.clone();
        int saved = stripesInBlock;
        int n = ((bufLen - 1) / STRIPE) * STRIPE;
        consumeInto(a, n);
        stripesInBlock = saved;
        byte[] last = new byte[STRIPE];
        if (bufLen >= STRIPE) {
            System.arraycopy(buf, bufLen - STRIPE, last, 0, STRIPE);
        } else {
            System.arraycopy(lastConsumed, bufLen, last, 0, STRIPE - bufLen);
            System.arraycopy(buf, 0, last, STRIPE - bufLen, bufLen);
        }
        accumulate(a, last, 0, SECRET_SIZE - STRIPE - 7);
        long low = mergeAccs(a, 11, total * P64_1);
        if (!wide) {
            return String.format("%016x", low);
        }
        long high = mergeAccs(a, SECRET_SIZE - STRIPE - 11, ~(total * P64_2));
        return String.format("%016x%016x", high, low);
    }

    private void consumeInto(long[] a, int len) {
        for (int p = 0; p < len; p += STRIPE) {
            accumulate(a, buf, p, stripesInBlock * 8);
            if (++stripesInBlock == STRIPES_PER_BLOCK) {
                scramble(a);
                stripesInBlock = 0;
            }
        }
    }

    private static long mergeAccs(long[] a, int secretOff, long start) {
        long result = start;
        for (int i = 0; i < 4; i++) {
            long x = a[2 * i] ^ (long) LONG_LE.get(SECRET, secretOff + 16 * i);
            long y = a[2 * i + 1] ^ (long) LONG_LE.get(SECRET, secretOff + 16 * i + 8);
            result += (x * y) ^ Math.unsignedMultiplyHigh(x, y);
        }
        result ^= result >>> 37;
        result *= 0x165667919E3779F9L;
        return result ^ (result >>> 32);
    }
}
