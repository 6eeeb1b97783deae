package io.setkeeper.appliance.ingest.mhl;

import io.setkeeper.appliance.ingest.hash.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads and writes ASC MHL v2.0 manifests ({@code <hashlist>}). Writing follows the reference implementation's
 * layout (two-space indent, hash elements in schema order), so our output diffs cleanly against theirs.
 */
public final class ManifestXml {
    public static final String NAMESPACE = "urn:ASC:MHL:v2.0";
    private static final Comparator<HashAlgorithm> SCHEMA_ORDER = Comparator.comparing(HashAlgorithm::mhlName);

    private ManifestXml() {
    }

    /** Parses a manifest; {@code what} names it in error messages (e.g. its path). */
    public static MhlManifest read(byte[] bytes, String what) throws MhlFormatException {
        Element root = Xml.parse(bytes, what).getDocumentElement();
        if (!"hashlist".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new MhlFormatException(what + ": root element is not <hashlist> in " + NAMESPACE);
        }
        Element creatorEl = Xml.required(root, "creatorinfo", what);
        Element toolEl = Xml.required(creatorEl, "tool", what);
        MhlCreatorInfo creator = new MhlCreatorInfo(
                Xml.date(Xml.text(Xml.required(creatorEl, "creationdate", what)), what),
                Xml.text(Xml.required(creatorEl, "hostname", what)),
                Xml.text(toolEl), toolEl.getAttribute("version"),
                Xml.child(creatorEl, "location").map(Xml::text).orElse(null),
                Xml.child(creatorEl, "comment").map(Xml::text).orElse(null));
        Element processEl = Xml.required(root, "processinfo", what);
        String processText = Xml.text(Xml.required(processEl, "process", what));
        MhlProcess process = MhlProcess.fromXml(processText)
                .orElseThrow(() -> new MhlFormatException(what + ": unknown process " + processText));
        List<MhlDirectoryHash> rootHashes = new ArrayList<>();
        Optional<Element> rootHashEl = Xml.child(processEl, "roothash");
        if (rootHashEl.isPresent()) {
            rootHashes.addAll(directoryHashes(rootHashEl.get(), what));
        }
        List<String> patterns = new ArrayList<>();
        for (Element ignore : Xml.children(processEl, "ignore")) {
            for (Element pattern : Xml.children(ignore, "pattern")) {
                patterns.add(Xml.text(pattern));
            }
        }
        List<MhlEntry> entries = new ArrayList<>();
        for (Element hashes : Xml.children(root, "hashes")) {
            for (Element e : Xml.children(hashes)) {
                switch (e.getLocalName()) {
                    case "hash" -> entries.add(fileEntry(e, what));
                    case "directoryhash" -> entries.add(directoryEntry(e, what));
                    default -> throw new MhlFormatException(what + ": unexpected <" + e.getLocalName() + "> in <hashes>");
                }
            }
        }
        List<MhlReference> references = new ArrayList<>();
        for (Element refs : Xml.children(root, "references")) {
            for (Element ref : Xml.children(refs, "hashlistreference")) {
                references.add(new MhlReference(Xml.rawText(Xml.required(ref, "path", what)),
                        Xml.text(Xml.required(ref, "c4", what))));
            }
        }
        return new MhlManifest(creator, process, rootHashes, patterns, entries, references);
    }

    private static MhlEntry.FileEntry fileEntry(Element e, String what) throws MhlFormatException {
        Element path = Xml.required(e, "path", what);
        String size = path.getAttribute("size");
        long parsedSize;
        try {
            parsedSize = size.isEmpty() ? -1 : Long.parseLong(size);
        } catch (NumberFormatException ex) {
            throw new MhlFormatException(what + ": bad size " + size + " for " + Xml.rawText(path));
        }
        List<MhlHashEntry> hashes = new ArrayList<>();
        for (Element h : Xml.children(e)) {
            Optional<HashAlgorithm> algorithm = HashAlgorithm.fromMhlName(h.getLocalName());
            if (algorithm.isEmpty()) {
                continue;
            }
            String action = h.getAttribute("action");
            MhlHashAction parsed = action.isEmpty() ? null : MhlHashAction.fromXml(action)
                    .orElseThrow(() -> new MhlFormatException(what + ": unknown action " + action));
            hashes.add(new MhlHashEntry(algorithm.get(), Xml.text(h), parsed,
                    Xml.date(h.getAttribute("hashdate"), what)));
        }
        return new MhlEntry.FileEntry(Xml.rawText(path), parsedSize,
                Xml.date(path.getAttribute("lastmodificationdate"), what), hashes);
    }

    private static MhlEntry.DirectoryEntry directoryEntry(Element e, String what) throws MhlFormatException {
        Element path = Xml.required(e, "path", what);
        return new MhlEntry.DirectoryEntry(Xml.rawText(path),
                Xml.date(path.getAttribute("lastmodificationdate"), what), directoryHashes(e, what));
    }

    private static List<MhlDirectoryHash> directoryHashes(Element parent, String what) throws MhlFormatException {
        Element content = Xml.required(parent, "content", what);
        Element structure = Xml.required(parent, "structure", what);
        List<MhlDirectoryHash> out = new ArrayList<>();
        for (Element c : Xml.children(content)) {
            Optional<HashAlgorithm> algorithm = HashAlgorithm.fromMhlName(c.getLocalName());
            if (algorithm.isEmpty()) {
                continue;
            }
            Optional<Element> s = Xml.child(structure, c.getLocalName());
            if (s.isEmpty()) {
                throw new MhlFormatException(what + ": content hash " + c.getLocalName() + " without structure hash");
            }
            out.add(new MhlDirectoryHash(algorithm.get(), Xml.text(c), Xml.text(s.get()),
                    Xml.date(c.getAttribute("hashdate"), what)));
        }
        return out;
    }

    /** The manifest as UTF-8 bytes in the reference layout. */
    public static byte[] write(MhlManifest m) {
        StringBuilder x = new StringBuilder(4096).append(Xml.HEADER);
        x.append("<hashlist version=\"2.0\" xmlns=\"").append(NAMESPACE).append("\">\n");
        MhlCreatorInfo c = m.creator();
        x.append("  <creatorinfo>\n");
        x.append("    <creationdate>").append(Xml.format(c.creationDate())).append("</creationdate>\n");
        x.append("    <hostname>").append(Xml.escape(c.hostName())).append("</hostname>\n");
        x.append("    <tool version=\"").append(Xml.escape(c.toolVersion())).append("\">")
                .append(Xml.escape(c.toolName())).append("</tool>\n");
        if (c.location() != null) {
            x.append("    <location>").append(Xml.escape(c.location())).append("</location>\n");
        }
        if (c.comment() != null) {
            x.append("    <comment>").append(Xml.escape(c.comment())).append("</comment>\n");
        }
        x.append("  </creatorinfo>\n  <processinfo>\n");
        x.append("    <process>").append(m.process().xmlName()).append("</process>\n");
        if (!m.rootHashes().isEmpty()) {
            x.append("    <roothash>\n");
            directoryHashes(x, m.rootHashes(), "      ");
            x.append("    </roothash>\n");
        }
        if (!m.ignorePatterns().isEmpty()) {
            x.append("    <ignore>\n");
            for (String p : m.ignorePatterns()) {
                x.append("      <pattern>").append(Xml.escape(p)).append("</pattern>\n");
            }
            x.append("    </ignore>\n");
        }
        x.append("  </processinfo>\n");
        if (!m.entries().isEmpty()) {
            x.append("  <hashes>\n");
            for (MhlEntry e : m.entries()) {
                switch (e) {
                    case MhlEntry.FileEntry f -> file(x, f);
                    case MhlEntry.DirectoryEntry d -> directory(x, d);
                }
            }
            x.append("  </hashes>\n");
        }
        if (!m.references().isEmpty()) {
            x.append("  <references>\n");
            for (MhlReference r : m.references()) {
                x.append("    <hashlistreference>\n");
                x.append("      <path>").append(Xml.escape(r.path())).append("</path>\n");
                x.append("      <c4>").append(r.c4()).append("</c4>\n");
                x.append("    </hashlistreference>\n");
            }
            x.append("  </references>\n");
        }
        x.append("</hashlist>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void file(StringBuilder x, MhlEntry.FileEntry f) {
        x.append("    <hash>\n      <path");
        if (f.size() >= 0) {
            x.append(" size=\"").append(f.size()).append('"');
        }
        dateAttribute(x, "lastmodificationdate", f.lastModified());
        x.append('>').append(Xml.escape(f.path())).append("</path>\n");
        List<MhlHashEntry> sorted = f.hashes().stream()
                .sorted(Comparator.comparing(MhlHashEntry::algorithm, SCHEMA_ORDER)).toList();
        for (MhlHashEntry h : sorted) {
            String name = h.algorithm().mhlName();
            x.append("      <").append(name);
            if (h.action() != null) {
                x.append(" action=\"").append(h.action().xmlName()).append('"');
            }
            dateAttribute(x, "hashdate", h.hashDate());
            x.append('>').append(h.value()).append("</").append(name).append(">\n");
        }
        x.append("    </hash>\n");
    }

    private static void directory(StringBuilder x, MhlEntry.DirectoryEntry d) {
        x.append("    <directoryhash>\n      <path");
        dateAttribute(x, "lastmodificationdate", d.lastModified());
        x.append('>').append(Xml.escape(d.path())).append("</path>\n");
        directoryHashes(x, d.hashes(), "      ");
        x.append("    </directoryhash>\n");
    }

    private static void directoryHashes(StringBuilder x, List<MhlDirectoryHash> hashes, String indent) {
        List<MhlDirectoryHash> sorted = hashes.stream()
                .sorted(Comparator.comparing(MhlDirectoryHash::algorithm, SCHEMA_ORDER)).toList();
        for (String part : List.of("content", "structure")) {
            x.append(indent).append('<').append(part).append(">\n");
            for (MhlDirectoryHash h : sorted) {
                String name = h.algorithm().mhlName();
                x.append(indent).append("  <").append(name);
                dateAttribute(x, "hashdate", h.hashDate());
                x.append('>').append(part.equals("content") ? h.content() : h.structure())
                        .append("</").append(name).append(">\n");
            }
            x.append(indent).append("</").append(part).append(">\n");
        }
    }

    private static void dateAttribute(StringBuilder x, String name, java.time.OffsetDateTime date) {
        if (date != null) {
            x.append(' ').append(name).append("=\"").append(Xml.format(date)).append('"');
        }
    }
}
