package io.setkeeper.protocol.models;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of one model version as they travel to post: a ZIP (stored entries in a fixed order with a fixed time,
 * so the same version always gives the same bytes) of the version's signed {@code manifest.json}, its
 * {@code manifest.sig} (base64 Ed25519 over the manifest bytes) and the files the manifest lists with their SHA-256
 * ({@code heads.onnx}, {@code state.bin}). The appliance writes it; the sync-service reads and verifies it with the
 * production's public key before anyone can download a file from it.
 */
public final class ModelBundle {
    /** The signed manifest's entry name. */
    public static final String MANIFEST = "manifest.json";
    /** The manifest signature's entry name. */
    public static final String SIGNATURE = "manifest.sig";
    /** Entries a bundle may hold at most (a hostile ZIP cannot make post read forever). */
    static final int MAX_ENTRIES = 64;
    /** Bytes a bundle may expand to at most: 2 GiB. */
    static final long MAX_BYTES = 2L << 30;
    /** A file name, optionally in one folder ({@code plates/5C.png}); no segment can be {@code ..} or empty. */
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,63}/)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ModelBundle() {
    }

    /** A bundle that failed a check; the message says which check, in plain words. */
    public static final class RejectedException extends Exception {
        public RejectedException(String message) {
            super(message);
        }
    }

    /** Writes {@code files} (name to bytes, in this order) as a bundle. */
    public static byte[] write(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (!NAME.matcher(f.getKey()).matches()) {
                    throw new IllegalArgumentException("not a bundle file name: '" + f.getKey() + "'");
                }
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads the entries of a bundle file (names checked, sizes bounded). */
    public static Map<String, byte[]> read(Path bundle) throws IOException, RejectedException {
        try (InputStream in = Files.newInputStream(bundle)) {
            return read(in);
        }
    }

    /** Reads the entries of bundle bytes. */
    public static Map<String, byte[]> read(byte[] bundle) throws IOException, RejectedException {
        return read(new ByteArrayInputStream(bundle));
    }

    private static Map<String, byte[]> read(InputStream in) throws IOException, RejectedException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory() || !NAME.matcher(e.getName()).matches()) {
                    throw new RejectedException("the bundle holds an entry with a forbidden name: '" + e.getName() + "'");
                }
                if (files.size() >= MAX_ENTRIES) {
                    throw new RejectedException("the bundle holds more than " + MAX_ENTRIES + " entries");
                }
                byte[] data = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += data.length;
                if (total > MAX_BYTES) {
                    throw new RejectedException("the bundle expands to more than " + MAX_BYTES + " bytes");
                }
                if (files.put(e.getName(), data) != null) {
                    throw new RejectedException("the bundle holds '" + e.getName() + "' twice");
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new RejectedException("not a readable ZIP bundle: " + e.getMessage());
        }
        return files;
    }

    /**
     * Verifies a bundle's entries: the manifest's signature with {@code key}, the manifest's key fingerprint, its
     * version id (when {@code expectedVersion} is not null) and the SHA-256 and size of every file it lists; no
     * file may be there that the manifest does not list.
     *
     * @return the verified manifest
     */
    public static JsonObject verify(Map<String, byte[]> files, PublicKey key, String expectedVersion)
            throws RejectedException {
        byte[] manifestBytes = files.get(MANIFEST);
        byte[] sig = files.get(SIGNATURE);
        if (manifestBytes == null || sig == null) {
            throw new RejectedException("the bundle lacks " + (manifestBytes == null ? MANIFEST : SIGNATURE));
        }
        if (!verifySignature(key, manifestBytes, sig)) {
            throw new RejectedException("the manifest signature does not verify with the production's public key "
                    + fingerprint(key.getEncoded()) + ": a tampered or foreign model");
        }
        JsonObject manifest;
        try (JsonReader r = Json.createReader(new StringReader(new String(manifestBytes, StandardCharsets.UTF_8)))) {
            manifest = r.readObject();
        } catch (RuntimeException e) {
            throw new RejectedException("the signed manifest is not a JSON object: " + e.getMessage());
        }
        String version = manifest.getString("version", null);
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new RejectedException("the signed manifest is of version " + version + ", announced as "
                    + expectedVersion);
        }
        JsonValue listed = manifest.get("files");
        if (!(listed instanceof JsonObject fileList)) {
            throw new RejectedException("the signed manifest lists no files");
        }
        for (String name : files.keySet()) {
            if (!name.equals(MANIFEST) && !name.equals(SIGNATURE) && !fileList.containsKey(name)) {
                throw new RejectedException("the bundle holds '" + name + "', which the signed manifest does not list");
            }
        }
        for (String name : fileList.keySet()) {
            byte[] data = files.get(name);
            if (data == null) {
                throw new RejectedException("the signed manifest lists '" + name + "', which the bundle lacks");
            }
            String expected = fileList.getJsonObject(name).getString("sha256", "");
            String actual = sha256Hex(data);
            if (!actual.equals(expected)) {
                throw new RejectedException("'" + name + "' has SHA-256 " + actual + ", the signed manifest says "
                        + expected + ": a changed or tampered file");
            }
        }
        return manifest;
    }

    /** Hex SHA-256 of a key's X.509 encoding: the fingerprint announcements and manifests carry. */
    public static String fingerprint(byte[] x509) {
        return sha256Hex(x509);
    }

    /** Hex SHA-256 of bytes. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifySignature(PublicKey key, byte[] data, byte[] base64Signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(new String(base64Signature, StandardCharsets.US_ASCII).strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
