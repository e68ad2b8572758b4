package org.tol.gbif.dwca;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * One data file of a Darwin Core Archive as {@code meta.xml} describes it (the core or an extension).
 *
 * @param location the file's path inside the archive
 * @param rowType the rowType URI (e.g. {@code http://rs.tdwg.org/dwc/terms/Occurrence})
 * @param charset {@code encoding}
 * @param fieldSeparator {@code fieldsTerminatedBy} (escapes such as {@code \t} resolved)
 * @param quote {@code fieldsEnclosedBy}; 0 when empty (quotes are then ordinary characters)
 * @param headerLines {@code ignoreHeaderLines}
 * @param idIndex column of {@code <id>} (core) or {@code <coreid>} (extension); -1 when absent
 * @param idName "id" for the core, "coreid" for an extension (the names python-dwca-reader gives them)
 * @param fields short term name (last URI segment) → column index and default
 */
public record ArchiveFile(String location, String rowType, Charset charset, String fieldSeparator, char quote,
        int headerLines, int idIndex, String idName, Map<String, Field> fields) {

    /** A {@code <field>}: column index (-1 when the field only has a default) and default value (or null). */
    public record Field(int index, String defaultValue) {}

    /** The highest column index any field or the id refers to. */
    public int maxIndex() {
        int max = idIndex;
        for (Field f : fields.values()) {
            max = Math.max(max, f.index());
        }
        return max;
    }

    /** The short name of the rowType ("Occurrence", "Multimedia", ...). */
    public String rowTypeName() {
        return MetaXml.shortName(rowType);
    }
}
