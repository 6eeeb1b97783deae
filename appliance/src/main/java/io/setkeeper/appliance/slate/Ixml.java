package io.setkeeper.appliance.slate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/**
 * The iXML chunk of a production sound file: slate fields (PROJECT, SCENE, TAKE, TAPE, NOTE, CIRCLED), the SPEED
 * block that says how to turn the sample timestamp into timecode, and the track list.
 *
 * @param fields top-level simple elements (PROJECT, SCENE, TAKE, TAPE, NOTE, CIRCLED, UBITS, ...), non-empty only
 * @param speed  the SPEED block's simple elements (MASTER_SPEED, TIMECODE_RATE, TIMECODE_FLAG, FILE_SAMPLE_RATE,
 *               TIMESTAMP_SAMPLE_RATE, TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI/LO, ...), non-empty only
 * @param tracks the TRACK_LIST, in file order
 */
public record Ixml(Map<String, String> fields, Map<String, String> speed, List<Track> tracks) {

    /** One recorded track: its channel, its place in the interleave, the name the mixer gave it. */
    public record Track(int channelIndex, int interleaveIndex, String name, Optional<String> function) {
    }

    public Ixml {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        speed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(speed));
        tracks = List.copyOf(tracks);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Optional<String> speedField(String name) {
        return Optional.ofNullable(speed.get(name));
    }

    /** The TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI/LO pair as one 64-bit count, when both are there and numeric. */
    public Optional<Long> timestampSamples() {
        try {
            Optional<String> lo = speedField("TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO");
            if (lo.isEmpty()) {
                return Optional.empty();
            }
            long hi = Long.parseLong(speedField("TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI").orElse("0"));
            return Optional.of((hi << 32) | (Long.parseLong(lo.get()) & 0xffff_ffffL));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses the chunk's bytes (trailing NULs and padding spaces allowed). DTDs and external entities are refused.
     *
     * @throws IllegalArgumentException saying where the XML is broken
     */
    static Ixml parse(byte[] data) {
        int end = data.length;
        while (end > 0 && (data[end - 1] == 0 || data[end - 1] == ' ' || data[end - 1] == '\n' || data[end - 1] == '\r' || data[end - 1] == '\t')) {
            end--;
        }
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            doc = builder.parse(new ByteArrayInputStream(data, 0, end));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("not well-formed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!"BWFXML".equals(root.getTagName())) {
            throw new IllegalArgumentException("root element is <" + root.getTagName() + ">, not <BWFXML>");
        }
        Map<String, String> fields = simpleChildren(root);
        Map<String, String> speed = child(root, "SPEED").map(Ixml::simpleChildren).orElse(Map.of());
        List<Track> tracks = new ArrayList<>();
        Optional<Element> list = child(root, "TRACK_LIST");
        if (list.isPresent()) {
            for (Element track : children(list.get(), "TRACK")) {
                Map<String, String> t = simpleChildren(track);
                tracks.add(new Track(number(t.get("CHANNEL_INDEX")), number(t.get("INTERLEAVE_INDEX")),
                        t.getOrDefault("NAME", ""), Optional.ofNullable(t.get("FUNCTION"))));
            }
        }
        return new Ixml(fields, speed, tracks);
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Child elements that hold only text, non-empty, first occurrence wins. */
    private static Map<String, String> simpleChildren(Element parent) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : children(parent, null)) {
            if (children(e, null).isEmpty()) {
                String text = e.getTextContent().strip();
                if (!text.isEmpty()) {
                    out.putIfAbsent(e.getTagName(), text);
                }
            }
        }
        return out;
    }
}
