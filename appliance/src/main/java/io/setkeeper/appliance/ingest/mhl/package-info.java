/**
 * ASC MHL v2.0 histories: read, verify and write them as the reference implementation (ascmitc/mhl) does.
 *
 * <ul>
 *   <li>{@link io.setkeeper.appliance.ingest.mhl.MhlHistory#read(java.nio.file.Path)}: the chain and every
 *       generation of a folder's {@code ascmhl/}, nested histories included, with C4 checks; bad content becomes
 *       {@link io.setkeeper.appliance.ingest.mhl.IntegrityIssue}s.</li>
 *   <li>{@link io.setkeeper.appliance.ingest.mhl.MhlVerifier#verify(java.nio.file.Path)}: re-hashes files at rest
 *       into a {@link io.setkeeper.appliance.ingest.mhl.VerificationReport} of
 *       {@link io.setkeeper.appliance.ingest.mhl.FileResult}s (VERIFIED, FAILED, MISSING, NEW, UNREADABLE) with
 *       stable codes.</li>
 *   <li>{@link io.setkeeper.appliance.ingest.mhl.MhlGenerationWriter}: writes generation N+1 from hashes the copy
 *       engine computed while copying ({@link io.setkeeper.appliance.ingest.mhl.FileHashes}), with directory
 *       hashes, nested histories and references.</li>
 * </ul>
 * Paths inside a history are relative to its root and '/'-separated, exactly as on disk (no Unicode
 * normalisation is applied when writing; lookups fall back to NFC so renormalised copies still verify).
 */
package io.setkeeper.appliance.ingest.mhl;
