package io.setkeeper.appliance.ingest.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streaming XXH64 (seed 0), written from the xxHash specification. Reads little-endian words through a
 * {@link VarHandle} view, so the inner loop does not allocate and runs at memory-bandwidth-like speed.
 */
final class Xxh64Hasher implements Hasher {
    static final long P1 = 0x9E3779B185EBCA87L;
    static final long P2 = 0xC2B2AE3D27D4EB4FL;
    static final long P3 = 0x165667B19E3779F9L;
    static final long P4 = 0x85EBCA77C2B2AE63L;
    static final long P5 = 0x27D4EB2F165667C5L;
    static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONG_LE =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long v1 = P1 + P2;
    private long v2 = P2;
    private long v3 = 0;
    private long v4 = -P1;
    private long total;
    private final byte[] tail = new byte[32];
    private int tailLen;

    @Override
    public HashAlgorithm algorithm() {
        return HashAlgorithm.XXH64;
    }

    @Override
    public void update(byte[] buf, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        total += len;
        if (tailLen > 0) {
            int n = Math.min(32 - tailLen, len);
            System.arraycopy(buf, off, tail, tailLen, n);
            tailLen += n;
            off += n;
            len -= n;
            if (tailLen < 32) {
                return;
            }
            stripes(tail, 0, 32);
            tailLen = 0;
        }
        int whole = len & ~31;
        if (whole > 0) {
            stripes(buf, off, whole);
        }
        int rest = len - whole;
        System.arraycopy(buf, off + whole, tail, 0, rest);
        tailLen = rest;
    }

    /** Direct buffers (what a FileChannel copy loop uses) are hashed in place, without copying. */
    @Override
    public void update(ByteBuffer buf) {
        if (buf.hasArray()) {
            Hasher.super.update(buf);
            return;
        }
        total += buf.remaining();
        while (tailLen > 0 && buf.hasRemaining()) {
            tail[tailLen++] = buf.get();
            if (tailLen == 32) {
                stripes(tail, 0, 32);
                tailLen = 0;
            }
        }
        if (tailLen > 0) {
            return;
        }
        int pos = buf.position();
        int whole = buf.remaining() & ~31;
        if (whole > 0) {
            long a1 = v1, a2 = v2, a3 = v3, a4 = v4;
            for (int p = pos, end = pos + whole; p < end; p += 32) {
                a1 = round(a1, (long) BUFFER_LONG_LE.get(buf, p));
                a2 = round(a2, (long) BUFFER_LONG_LE.get(buf, p + 8));
                a3 = round(a3, (long) BUFFER_LONG_LE.get(buf, p + 16));
                a4 = round(a4, (long) BUFFER_LONG_LE.get(buf, p + 24));
            }
            v1 = a1;
            v2 = a2;
            v3 = a3;
            v4 = a4;
        }
        buf.position(pos + whole);
        tailLen = buf.remaining();
        buf.get(tail, 0, tailLen);
    }

    private void stripes(byte[] b, int off, int len) {
        long a1 = v1, a2 = v2, a3 = v3, a4 = v4;
        int end = off + len;
        for (int p = off; p < end; p += 32) {
            a1 = round(a1, (long) LONG_LE.get(b, p));
            a2 = round(a2, (long) LONG_LE.get(b, p + 8));
            a3 = round(a3, (long) LONG_LE.get(b, p + 16));
            a4 = round(a4, (long) LONG_LE.get(b, p + 24));
        }
        v1 = a1;
        v2 = a2;
        v3 = a3;
        v4 = a4;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long h, long v) {
        return (h ^ round(0, v)) * P1 + P4;
    }

    @Override
    public String digest() {
        long h;
        if (total >= 32) {
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += total;
        int p = 0;
        for (; p + 8 <= tailLen; p += 8) {
            h ^= round(0, (long) LONG_LE.get(tail, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (p + 4 <= tailLen) {
            h ^= (((int) INT_LE.get(tail, p)) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        for (; p < tailLen; p++) {
            h ^= (tail[p] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return String.format("%016x", h);
    }
}
