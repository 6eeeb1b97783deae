/**
 * Streaming file hashes for the offload, in the formats ASC MHL v2.0 names.
 *
 * <p>{@link io.setkeeper.appliance.ingest.hash.HashAlgorithm} lists them (XXH64 is the default);
 * {@code algorithm.newHasher()} gives a {@link io.setkeeper.appliance.ingest.hash.Hasher} to feed chunk by
 * chunk while copying ({@code update(byte[], int, int)} or {@code update(ByteBuffer)}, direct buffers included)
 * and read {@code digest()} once at the end, already in manifest form (lowercase hex, or a C4 id).
 * {@link io.setkeeper.appliance.ingest.hash.MultiHasher} runs several algorithms over one pass of the bytes.
 * No framework, no I/O except {@code MultiHasher.hashFile}.
 */
package io.setkeeper.appliance.ingest.hash;
