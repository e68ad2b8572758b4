package org.tol.gbif.dwca;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Parses a DwC-A {@code meta.xml} (the Darwin Core text guide) into {@link ArchiveFile}s: the core first. */
public final class MetaXml {
    private MetaXml() {}

    /** Core first, then the extensions in document order. */
    public static List<ArchiveFile> parse(InputStream in, String what) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(what + ": not a valid meta.xml: " + e.getMessage(), e);
        }
        List<ArchiveFile> out = new ArrayList<>();
        for (String tag : new String[] {"core", "extension"}) {
            NodeList nodes = doc.getDocumentElement().getElementsByTagNameNS("*", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(file((Element) nodes.item(i), tag.equals("core"), what));
            }
        }
        if (out.isEmpty() || !isCore(out.get(0))) {
            throw new IOException(what + ": meta.xml has no <core> element");
        }
        return out;
    }

    private static boolean isCore(ArchiveFile f) {
        return f.idName().equals("id");
    }

    private static ArchiveFile file(Element e, boolean core, String what) throws IOException {
        NodeList locs = e.getElementsByTagNameNS("*", "location");
        if (locs.getLength() == 0) {
            throw new IOException(what + ": a <" + e.getLocalName() + "> in meta.xml has no <files><location>");
        }
        String location = locs.item(0).getTextContent().trim();
        Charset cs = Charset.forName(attr(e, "encoding", "UTF-8"));
        String sep = unescape(attr(e, "fieldsTerminatedBy", ","));
        String enclosed = unescape(attr(e, "fieldsEnclosedBy", "\""));
        String lines = unescape(attr(e, "linesTerminatedBy", "\n"));
        if (!lines.equals("\n") && !lines.equals("\r\n") && !lines.equals("\r")) {
            throw new IOException(what + ": " + location + ": linesTerminatedBy '" + lines + "' is not supported "
                    + "(only \\n, \\r\\n, \\r)");
        }
        if (sep.isEmpty()) {
            throw new IOException(what + ": " + location + ": empty fieldsTerminatedBy");
        }
        int header = Integer.parseInt(attr(e, "ignoreHeaderLines", "0").trim());
        int idIndex = -1;
        NodeList ids = e.getElementsByTagNameNS("*", core ? "id" : "coreid");
        if (ids.getLength() > 0) {
            idIndex = Integer.parseInt(((Element) ids.item(0)).getAttribute("index").trim());
        }
        Map<String, ArchiveFile.Field> fields = new LinkedHashMap<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element f && "field".equals(f.getLocalName())) {
                String idx = f.getAttribute("index").trim();
                String def = f.hasAttribute("default") ? f.getAttribute("default") : null;
                fields.putIfAbsent(shortName(f.getAttribute("term")),
                        new ArchiveFile.Field(idx.isEmpty() ? -1 : Integer.parseInt(idx), def));
            }
        }
        return new ArchiveFile(location, e.getAttribute("rowType"), cs, sep,
                enclosed.isEmpty() ? 0 : enclosed.charAt(0), header, idIndex, core ? "id" : "coreid", fields);
    }

    private static String attr(Element e, String name, String dflt) {
        return e.hasAttribute(name) ? e.getAttribute(name) : dflt;
    }

    /** meta.xml writes separators as escapes ({@code \t}); XML entities are already resolved by the parser. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The last segment of a term URI ({@code http://rs.tdwg.org/dwc/terms/datasetKey} → datasetKey). */
    public static String shortName(String term) {
        int cut = Math.max(term.lastIndexOf('/'), Math.max(term.lastIndexOf('#'), term.lastIndexOf(':')));
        return term.substring(cut + 1);
    }

}
