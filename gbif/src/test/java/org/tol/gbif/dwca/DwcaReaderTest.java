package org.tol.gbif.dwca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.gbif.GbifImage;
import org.tol.gbif.GbifImages;

class DwcaReaderTest {
    @TempDir Path dir;

    private static final String META = """
            <archive xmlns="http://rs.tdwg.org/dwc/text/">
              <core encoding="ISO-8859-1" fieldsTerminatedBy=";" fieldsEnclosedBy="'" ignoreHeaderLines="1"
                    rowType="http://rs.tdwg.org/dwc/terms/Occurrence">
                <files><location>occ.csv</location></files>
                <id index="2"/>
                <field index="0" term="http://rs.gbif.org/terms/1.0/datasetKey"/>
                <field index="1" term="http://rs.tdwg.org/dwc/terms/lifeStage" default="Adult"/>
                <field term="http://rs.gbif.org/terms/1.0/acceptedTaxonKey" default="77"/>
              </core>
              <extension encoding="UTF-8" fieldsTerminatedBy="\\t" fieldsEnclosedBy="" ignoreHeaderLines="0"
                    rowType="http://rs.gbif.org/terms/1.0/Multimedia">
                <files><location>media.txt</location></files>
                <coreid index="1"/>
                <field index="0" term="http://purl.org/dc/terms/identifier"/>
              </extension>
            </archive>
            """;

    @Test
    void readsThroughMetaXmlFromAFolder() throws Exception {
        Files.writeString(dir.resolve("meta.xml"), META);
        // ISO-8859-1, ';' separated, "'" quotes with a doubled quote, a multi-line quoted field, CRLF, defaults
        Files.write(dir.resolve("occ.csv"), ("ds;stage;id\r\n"
                + "d1;'Imago';1\r\n"
                + "d1;;2\r\n"
                + "'d;2';'L\u00e4rve ''x''\nzwei';3\r\n"
                + "d3;Adult;4;extra\r\n"
                + "short\r\n"
                + "d5;'open;5\n").getBytes(StandardCharsets.ISO_8859_1));
        // no header line, no enclosure: a quote is an ordinary character
        Files.writeString(dir.resolve("media.txt"), "\"http://x/a.jpg\"\t1\nhttp://x/b.jpg\t1\nhttp://x/c.jpg\t3\n"
                + "http://x/d.jpg\t9\n");
        try (DwcaArchive a = DwcaArchive.open(dir)) {
            ArchiveFile core = a.core();
            assertEquals("Occurrence", core.rowTypeName());
            List<String[]> got = new ArrayList<>();
            try (DwcaReader r = a.reader(core)) {
                for (DwcaReader.Record rec = r.next(); rec != null; rec = r.next()) {
                    got.add(new String[] {rec.get("id"), rec.get("datasetKey"), rec.get("lifeStage"),
                        rec.get("acceptedTaxonKey"), rec.get("speciesKey")});
                }
                assertEquals(3, r.malformed(), "too many fields, too few fields, an unterminated quote");
                assertTrue(r.malformedExamples().get(0).endsWith("occ.csv line 6: 4 fields, but the header has 3"),
                        r.malformedExamples().get(0));
            }
            assertEquals(3, got.size());
            assertEquals(List.of("1", "d1", "Imago", "77"), java.util.Arrays.asList(got.get(0)).subList(0, 4));
            assertEquals("Adult", got.get(1)[2], "empty cell takes the default");
            assertEquals(List.of("3", "d;2", "L\u00e4rve 'x'\nzwei", "77"), java.util.Arrays.asList(got.get(2)).subList(0, 4));
            assertNull(got.get(0)[4], "a field meta.xml does not declare");
        }
        List<GbifImage> imgs = GbifImages.load(dir).images();
        assertEquals(List.of("d1/1.jpg", "d1/1_1.jpg", "d;2/3.jpg"), imgs.stream().map(GbifImage::imagePath).toList());
        assertEquals("\"http://x/a.jpg\"", imgs.get(0).url());
        assertEquals(1, GbifImages.load(dir).unmatched());
    }

    @Test
    void unescapesSeparators() {
        assertEquals("\t", MetaXml.unescape("\\t"));
        assertEquals("\\", MetaXml.unescape("\\\\"));
        assertEquals("datasetKey", MetaXml.shortName("http://rs.gbif.org/terms/1.0/datasetKey"));
    }
}
