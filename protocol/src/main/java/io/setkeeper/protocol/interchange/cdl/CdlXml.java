package io.setkeeper.protocol.interchange.cdl;

import io.setkeeper.protocol.interchange.InterchangeException;
import io.setkeeper.protocol.interchange.Numbers;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads and writes the ASC CDL XML files: {@code .cc} (ColorCorrection), {@code .ccc} (ColorCorrectionCollection)
 * and {@code .cdl} (ColorDecisionList). The kind comes from the root element, so a {@code .ccc} holding a single
 * ColorCorrection reads fine. Unknown elements are ignored, a missing SOPNode or SatNode means "no change", and
 * both the v1.01 element names (SOPNode, SatNode) and the older ASC_SOP / ASC_SAT are accepted. A CLF ProcessList
 * is read only when it holds nothing but ASC_CDL nodes; anything else is refused as unsupported.
 */
public final class CdlXml {
    /** The namespace the writer puts on the root element. */
    public static final String NAMESPACE = "urn:ASC:CDL:v1.01";

    private CdlXml() {
    }

    /** Reads a CDL XML file; the file name is used in error messages only. */
    public static CdlDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InterchangeException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Reads CDL XML text; {@code source} names it in error messages. */
    public static CdlDocument parse(String xml, String source) {
        Element root = parseXml(xml, source).getDocumentElement();
        String name = local(root);
        try {
            return switch (name) {
                case "ColorCorrection" -> new CdlDocument(CdlDocument.Kind.CC, List.of(),
                        List.of(CdlDocument.Entry.of(correction(root, source))));
                case "ColorCorrectionCollection" -> collection(root, source);
                case "ColorDecisionList" -> decisionList(root, source);
                case "ProcessList" -> processList(root, source);
                default -> throw new InterchangeException(source + ": not an ASC CDL file: root element <" + name
                        + ">, expected ColorCorrection, ColorCorrectionCollection or ColorDecisionList");
            };
        } catch (IllegalArgumentException e) {
            throw new InterchangeException(source + ": " + e.getMessage(), e);
        }
    }

    private static CdlDocument collection(Element root, String source) {
        List<CdlDocument.Entry> entries = new ArrayList<>();
        for (Element cc : children(root, "ColorCorrection")) {
            entries.add(CdlDocument.Entry.of(correction(cc, source)));
        }
        return new CdlDocument(CdlDocument.Kind.CCC, texts(root, "Description"), entries);
    }

    private static CdlDocument decisionList(Element root, String source) {
        List<CdlDocument.Entry> entries = new ArrayList<>();
        for (Element decision : children(root, "ColorDecision")) {
            Optional<String> media = first(decision, "MediaRef").map(e -> e.getAttribute("ref"))
                    .filter(s -> !s.isBlank());
            List<Element> ccs = children(decision, "ColorCorrection");
            if (ccs.isEmpty()) {
                throw new InterchangeException(source + ": a ColorDecision without a ColorCorrection"
                        + " (ColorCorrectionRef to another file is not supported)");
            }
            for (Element cc : ccs) {
                entries.add(new CdlDocument.Entry(correction(cc, source), media, CdlDocument.Style.FWD));
            }
        }
        return new CdlDocument(CdlDocument.Kind.CDL, texts(root, "Description"), entries);
    }

    private static CdlDocument processList(Element root, String source) {
        List<CdlDocument.Entry> entries = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Element op : children(root, null)) {
            String name = local(op);
            if (name.equals("ASC_CDL")) {
                entries.add(new CdlDocument.Entry(correction(op, source), Optional.empty(),
                        style(op.getAttribute("style"), source)));
            } else if (!name.equals("Description") && !name.equals("InputDescriptor")
                    && !name.equals("OutputDescriptor") && !name.equals("Info")) {
                others.add(name);
            }
        }
        if (!others.isEmpty() || entries.isEmpty()) {
            throw new InterchangeException(source + ": Common LUT Format (CLF) ProcessList is not supported"
                    + (others.isEmpty() ? " without ASC_CDL nodes" : "; it holds " + String.join(", ", others))
                    + ": only a CLF made of ASC_CDL nodes can be read as CDL");
        }
        return new CdlDocument(CdlDocument.Kind.CLF, texts(root, "Description"), entries);
    }

    private static CdlDocument.Style style(String style, String source) {
        return switch (style.isBlank() ? "Fwd" : style) {
            case "Fwd", "v1.2_Fwd" -> CdlDocument.Style.FWD;
            case "Rev", "v1.2_Rev" -> CdlDocument.Style.REV;
            case "FwdNoClamp", "noClampFwd" -> CdlDocument.Style.FWD_NO_CLAMP;
            case "RevNoClamp", "noClampRev" -> CdlDocument.Style.REV_NO_CLAMP;
            default -> throw new InterchangeException(source + ": unknown ASC_CDL style '" + style + "'");
        };
    }

    private static Cdl correction(Element cc, String source) {
        String id = cc.getAttribute("id");
        String where = "ColorCorrection" + (id.isEmpty() ? "" : " '" + id + "'");
        Rgb slope = Rgb.all(1);
        Rgb offset = Rgb.all(0);
        Rgb power = Rgb.all(1);
        double sat = 1;
        Optional<Element> sop = first(cc, "SOPNode").or(() -> first(cc, "ASC_SOP"));
        if (sop.isPresent()) {
            slope = triple(sop.get(), "Slope", Rgb.all(1), source, where);
            offset = triple(sop.get(), "Offset", Rgb.all(0), source, where);
            power = triple(sop.get(), "Power", Rgb.all(1), source, where);
        }
        Optional<Element> satNode = first(cc, "SatNode").or(() -> first(cc, "ASC_SAT"));
        if (satNode.isPresent()) {
            Optional<Element> s = first(satNode.get(), "Saturation");
            if (s.isPresent()) {
                sat = number(s.get().getTextContent().trim(), source, where + " Saturation");
            }
        }
        List<String> descriptions = texts(cc, "Description");
        if (descriptions.isEmpty()) {
            descriptions = sop.map(e -> texts(e, "Description")).orElse(List.of());
        }
        try {
            return new Cdl(id, slope, offset, power, sat, String.join("\n", descriptions));
        } catch (IllegalArgumentException e) {
            throw new InterchangeException(source + ": refused: " + e.getMessage(), e);
        }
    }

    private static Rgb triple(Element parent, String name, Rgb absent, String source, String where) {
        Optional<Element> e = first(parent, name);
        if (e.isEmpty()) {
            return absent;
        }
        String[] parts = e.get().getTextContent().trim().split("\\s+");
        if (parts.length != 3) {
            throw new InterchangeException(source + ": " + where + " " + name + " needs 3 numbers, got '"
                    + e.get().getTextContent().trim() + "'");
        }
        return new Rgb(number(parts[0], source, where + " " + name), number(parts[1], source, where + " " + name),
                number(parts[2], source, where + " " + name));
    }

    private static double number(String text, String source, String where) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InterchangeException(source + ": " + where + " is not a number: '" + text + "'", e);
        }
    }

    /** A .cc file for one correction. */
    public static String writeCc(Cdl cdl) {
        StringBuilder out = header();
        correctionXml(out, cdl, "", true);
        return out.toString();
    }

    /** A .ccc file for the corrections, in order; ids should be unique for the file to be useful. */
    public static String writeCcc(List<Cdl> cdls) {
        StringBuilder out = header().append("<ColorCorrectionCollection xmlns=\"").append(NAMESPACE).append("\">\n");
        for (Cdl cdl : cdls) {
            correctionXml(out, cdl, "  ", false);
        }
        return out.append("</ColorCorrectionCollection>\n").toString();
    }

    /** A .cdl file: one ColorDecision per entry, with its MediaRef when the entry has one. */
    public static String writeCdl(List<CdlDocument.Entry> entries) {
        StringBuilder out = header().append("<ColorDecisionList xmlns=\"").append(NAMESPACE).append("\">\n");
        for (CdlDocument.Entry entry : entries) {
            if (entry.style() != CdlDocument.Style.FWD) {
                throw new InterchangeException("a .cdl file holds forward corrections only, got " + entry.style());
            }
            out.append("  <ColorDecision>\n");
            entry.mediaRef().ifPresent(ref -> out.append("    <MediaRef ref=\"").append(escape(ref)).append("\"/>\n"));
            correctionXml(out, entry.cdl(), "    ", false);
            out.append("  </ColorDecision>\n");
        }
        return out.append("</ColorDecisionList>\n").toString();
    }

    private static StringBuilder header() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    private static void correctionXml(StringBuilder out, Cdl cdl, String indent, boolean namespace) {
        out.append(indent).append("<ColorCorrection");
        if (namespace) {
            out.append(" xmlns=\"").append(NAMESPACE).append('"');
        }
        if (!cdl.id().isEmpty()) {
            out.append(" id=\"").append(escape(cdl.id())).append('"');
        }
        out.append(">\n");
        if (!cdl.description().isEmpty()) {
            for (String line : cdl.description().split("\n", -1)) {
                out.append(indent).append("  <Description>").append(escape(line)).append("</Description>\n");
            }
        }
        out.append(indent).append("  <SOPNode>\n");
        out.append(indent).append("    <Slope>").append(triple(cdl.slope())).append("</Slope>\n");
        out.append(indent).append("    <Offset>").append(triple(cdl.offset())).append("</Offset>\n");
        out.append(indent).append("    <Power>").append(triple(cdl.power())).append("</Power>\n");
        out.append(indent).append("  </SOPNode>\n");
        out.append(indent).append("  <SatNode>\n");
        out.append(indent).append("    <Saturation>").append(Numbers.plain(cdl.saturation()))
                .append("</Saturation>\n");
        out.append(indent).append("  </SatNode>\n");
        out.append(indent).append("</ColorCorrection>\n");
    }

    /** {@code "1.1 1.2 1.3"}: a triple as the XML and the ASC_SOP groups write it. */
    public static String triple(Rgb v) {
        return Numbers.plain(v.r()) + " " + Numbers.plain(v.g()) + " " + Numbers.plain(v.b());
    }

    static String escape(String s) {
        // characters XML 1.0 cannot hold at all are dropped rather than written into a file no reader accepts
        s = s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Document parseXml(String xml, String source) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new InterchangeException(source + ": not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new InterchangeException(source + ": cannot parse XML: " + e.getMessage(), e);
        }
    }

    private static String local(Node node) {
        String name = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        return name;
    }

    /** Element children, all of them when {@code name} is null, else those with that local name. */
    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || local(e).equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Optional<Element> first(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
    }

    /** The file extension that matches a document kind, lower case, without the dot. */
    public static String extension(CdlDocument.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
