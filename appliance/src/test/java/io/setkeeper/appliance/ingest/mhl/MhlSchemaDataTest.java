package io.setkeeper.appliance.ingest.mhl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.setkeeper.appliance.TestData;
import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import io.setkeeper.appliance.ingest.hash.MultiHasher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** Generations we write (plain, nested, multi-algorithm, hostile names) validate against the ASC MHL XSDs. */
class MhlSchemaDataTest {

    private static Schema schema(String name) throws SAXException {
        Path xsd = TestData.file("interchange/ascmhl/xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // ASCMHLDirectory.xsd imports ASCMHL.xsd from GitHub: resolve it to the local copy (no network here)
        factory.setResourceResolver((type, ns, publicId, systemId, baseUri) -> {
            if (systemId != null && systemId.endsWith("ASCMHL.xsd")) {
                return new LocalInput(systemId, xsd.resolve("ASCMHL.xsd"));
            }
            return null;
        });
        return factory.newSchema(new StreamSource(xsd.resolve(name).toFile()));
    }

    private static void validate(Schema schema, Path file) throws IOException, SAXException {
        schema.newValidator().validate(new StreamSource(file.toFile()));
    }

    @Test
    void ourGenerationsValidate(@TempDir Path tmp) throws Exception {
        Schema manifests = schema("ASCMHL.xsd");
        Schema chains = schema("ASCMHLDirectory.xsd");
        Path root = Files.createDirectories(tmp.resolve("Reels"));
        Path card = Files.createDirectories(root.resolve("A001 card/Clips"));
        Files.writeString(card.resolve("C001 <&> \"ü\".mov"), "clip one");
        Files.writeString(root.resolve("A001 card/Sidecar.txt"), "side");
        Files.writeString(root.resolve("notes.txt"), "notes");
        MhlGenerationWriter writer = new MhlGenerationWriter("0.1.0", "dit-cart", Clock.fixed(
                Instant.parse("2026-03-01T10:00:00Z"), ZoneId.of("Europe/Prague")));
        writer.write(root.resolve("A001 card"), MhlProcess.TRANSFER, List.of());
        List<FileHashes> hashes = new ArrayList<>();
        for (TreeItem item : TreeScanner.scan(root, IgnoreSpec.withDefaults(List.of()))) {
            if (item instanceof TreeItem.FileItem f) {
                hashes.add(new FileHashes(f.path(), MultiHasher.hashFile(root.resolve(f.path()), List.of(HashAlgorithm.values()))));
            }
        }
        WriteResult result = new MhlGenerationWriter("0.1.0", "dit-cart", Clock.fixed(
                Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("UTC"))).write(root, hashes,
                new MhlGenerationWriter.Options(MhlProcess.IN_PLACE, HashAlgorithm.C4, List.of("*.tmp"), "Stage 4", "day 2"));
        org.junit.jupiter.api.Assertions.assertEquals(2, result.generations().size());
        org.junit.jupiter.api.Assertions.assertTrue(result.passed(), result.failures().toString());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("A001 card/Clips/C001 <&> \"ü\".mov",
                FileStatus.VERIFIED, "A001 card/Sidecar.txt", FileStatus.VERIFIED, "notes.txt", FileStatus.ORIGINAL),
                result.files().stream().collect(java.util.stream.Collectors.toMap(FileResult::path, FileResult::status)));
        for (Path history : List.of(root, root.resolve("A001 card"))) {
            try (var files = Files.list(history.resolve("ascmhl"))) {
                for (Path f : files.toList()) {
                    validate(f.getFileName().toString().equals(ChainXml.FILE_NAME) ? chains : manifests, f);
                }
            }
        }
        Path bad = tmp.resolve("bad.mhl");
        Files.writeString(bad, Files.readString(result.generations().getLast().manifest())
                .replace("<process>in-place</process>", "<process>teleport</process>"));
        assertThrows(SAXException.class, () -> validate(manifests, bad), "the schema check can fail");
    }

    /** An LSInput reading a local file. */
    private record LocalInput(String systemId, Path file) implements LSInput {
        public InputStream getByteStream() {
            try {
                return new ByteArrayInputStream(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        public java.io.Reader getCharacterStream() { return null; }
        public void setCharacterStream(java.io.Reader r) { }
        public void setByteStream(InputStream s) { }
        public String getStringData() { return null; }
        public void setStringData(String s) { }
        public String getSystemId() { return systemId; }
        public void setSystemId(String s) { }
        public String getPublicId() { return null; }
        public void setPublicId(String s) { }
        public String getBaseURI() { return null; }
        public void setBaseURI(String s) { }
        public String getEncoding() { return null; }
        public void setEncoding(String s) { }
        public boolean getCertifiedText() { return false; }
        public void setCertifiedText(boolean b) { }
    }
}
