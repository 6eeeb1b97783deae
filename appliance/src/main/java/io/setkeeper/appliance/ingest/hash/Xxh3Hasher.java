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
    /** The secret as 24 little-endian words: stripe n of a block uses words n..n+7, the scramble words 16..23. */
    private static final long[] SECRET_WORDS = new long[SECRET_SIZE / 8];
    private static final long LOW32 = 0xFFFFFFFFL;

    static {
        for (int i = 0; i < SECRET_WORDS.length; i++) {
            SECRET_WORDS[i] = (long) LONG_LE.get(SECRET, 8 * i);
        }
    }
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

    /**
     * Accumulates whole stripes, scrambling after every block. The eight accumulators live in locals and the
     * secret words come from {@link #SECRET_WORDS}, which lets the JIT keep the loop in registers.
     */
    private void consume(byte[] in, int off, int len) {
        long a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
        final long[] k = SECRET_WORDS;
        int s = stripesInBlock;
        for (int p = off, end = off + len; p < end; p += STRIPE) {
            long d0 = (long) LONG_LE.get(in, p);
            long d1 = (long) LONG_LE.get(in, p + 8);
            long d2 = (long) LONG_LE.get(in, p + 16);
            long d3 = (long) LONG_LE.get(in, p + 24);
            long d4 = (long) LONG_LE.get(in, p + 32);
            long d5 = (long) LONG_LE.get(in, p + 40);
            long d6 = (long) LONG_LE.get(in, p + 48);
            long d7 = (long) LONG_LE.get(in, p + 56);
            long k0 = d0 ^ k[s], k1 = d1 ^ k[s + 1], k2 = d2 ^ k[s + 2], k3 = d3 ^ k[s + 3];
            long k4 = d4 ^ k[s + 4], k5 = d5 ^ k[s + 5], k6 = d6 ^ k[s + 6], k7 = d7 ^ k[s + 7];
            a0 += d1 + (k0 & LOW32) * (k0 >>> 32);
            a1 += d0 + (k1 & LOW32) * (k1 >>> 32);
            a2 += d3 + (k2 & LOW32) * (k2 >>> 32);
            a3 += d2 + (k3 & LOW32) * (k3 >>> 32);
            a4 += d5 + (k4 & LOW32) * (k4 >>> 32);
            a5 += d4 + (k5 & LOW32) * (k5 >>> 32);
            a6 += d7 + (k6 & LOW32) * (k6 >>> 32);
            a7 += d6 + (k7 & LOW32) * (k7 >>> 32);
            if (++s == STRIPES_PER_BLOCK) {
                a0 = scramble(a0, k[16]);
                a1 = scramble(a1, k[17]);
                a2 = scramble(a2, k[18]);
                a3 = scramble(a3, k[19]);
                a4 = scramble(a4, k[20]);
                a5 = scramble(a5, k[21]);
                a6 = scramble(a6, k[22]);
                a7 = scramble(a7, k[23]);
                s = 0;
            }
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc[4] = a4;
        acc[5] = a5;
        acc[6] = a6;
        acc[7] = a7;
        stripesInBlock = s;
    }

    private static long scramble(long a, long key) {
        return ((a ^ (a >>> 47)) ^ key) * P32_1;
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
            a[i] = scramble(a[i], SECRET_WORDS[16 + i]);
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
