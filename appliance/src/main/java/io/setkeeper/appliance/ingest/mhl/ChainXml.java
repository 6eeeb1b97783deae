package io.setkeeper.appliance.ingest.mhl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Reads and writes {@code ascmhl_chain.xml}, the ordered list of a history's manifests with their C4 ids. */
public final class ChainXml {
    public static final String NAMESPACE = "urn:ASC:MHL:DIRECTORY:v2.0";
    /** The chain file's name inside the {@code ascmhl} folder. */
    public static final String FILE_NAME = "ascmhl_chain.xml";

    private ChainXml() {
    }

    /** Parses a chain file; {@code what} names it in error messages. */
    public static List<MhlChainEntry> read(byte[] bytes, String what) throws MhlFormatException {
        Element root = Xml.parse(bytes, what).getDocumentElement();
        if (!"ascmhldirectory".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new MhlFormatException(what + ": root element is not <ascmhldirectory> in " + NAMESPACE);
        }
        List<MhlChainEntry> out = new ArrayList<>();
        for (Element h : Xml.children(root, "hashlist")) {
            String seq = h.getAttribute("sequencenr");
            int sequence;
            try {
                sequence = Integer.parseInt(seq);
            } catch (NumberFormatException e) {
                throw new MhlFormatException(what + ": bad sequencenr '" + seq + "'");
            }
            out.add(new MhlChainEntry(sequence, Xml.text(Xml.required(h, "path", what)),
                    Xml.text(Xml.required(h, "c4", what))));
        }
        return out;
    }

    /** The chain as UTF-8 bytes in the reference layout. */
    public static byte[] write(List<MhlChainEntry> entries) {
        StringBuilder x = new StringBuilder(256 + entries.size() * 200).append(Xml.HEADER);
        x.append("<ascmhldirectory xmlns=\"").append(NAMESPACE).append("\">\n");
        for (MhlChainEntry e : entries) {
            x.append("  <hashlist sequencenr=\"").append(e.sequence()).append("\">\n");
            x.append("    <path>").append(Xml.escape(e.path())).append("</path>\n");
            x.append("    <c4>").append(e.c4()).append("</c4>\n");
            x.append("  </hashlist>\n");
        }
        x.append("</ascmhldirectory>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
