package org.tol.cli.gbif;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a small GBIF-like Darwin Core Archive zip: occurrence.txt (core) and multimedia.txt (extension), tab
 * separated with '"' as the enclosure, columns in a non-default order (meta.xml maps them), a header line,
 * quoted fields (one holding a tab and a doubled quote), and optional malformed lines.
 */
final class TestArchive {
    record Occurrence(String id, String datasetKey, String taxon, String lifeStage) {}

    record Media(String coreid, String url) {}

    final List<Occurrence> occurrences = new ArrayList<>();
    final List<Media> media = new ArrayList<>();
    final List<String> malformedMediaLines = new ArrayList<>();

    TestArchive occ(String id, String datasetKey, String taxon, String lifeStage) {
        occurrences.add(new Occurrence(id, datasetKey, taxon, lifeStage));
        return this;
    }

    TestArchive media(String coreid, String url) {
        media.add(new Media(coreid, url));
        return this;
    }

    // occurrence.txt columns: 0 gbifID(id), 1 lifeStage, 2 eventDate, 3 acceptedTaxonKey, 4 decimalLongitude,
    // 5 datasetKey, 6 speciesKey, 7 locality (not used; quoted), 8 familyKey, 9 orderKey, 10 decimalLatitude
    private static final String META = """
            <?xml version="1.0" encoding="utf-8"?>
            <archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="metadata.xml">
              <core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy="&quot;"
                    ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Occurrence">
                <files><location>occurrence.txt</location></files>
                <id index="0"/>
                <field index="0" term="http://rs.gbif.org/terms/1.0/gbifID"/>
                <field index="1" term="http://rs.tdwg.org/dwc/terms/lifeStage"/>
                <field index="2" term="http://rs.tdwg.org/dwc/terms/eventDate"/>
                <field index="3" term="http://rs.gbif.org/terms/1.0/acceptedTaxonKey"/>
                <field index="4" term="http://rs.tdwg.org/dwc/terms/decimalLongitude"/>
                <field index="5" term="http://rs.gbif.org/terms/1.0/datasetKey"/>
                <field index="6" term="http://rs.gbif.org/terms/1.0/speciesKey"/>
                <field index="7" term="http://rs.tdwg.org/dwc/terms/locality"/>
                <field index="8" term="http://rs.gbif.org/terms/1.0/familyKey"/>
                <field index="9" term="http://rs.gbif.org/terms/1.0/orderKey"/>
                <field index="10" term="http://rs.tdwg.org/dwc/terms/decimalLatitude"/>
              </core>
              <extension encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy="&quot;"
                    ignoreHeaderLines="1" rowType="http://rs.gbif.org/terms/1.0/Multimedia">
                <files><location>multimedia.txt</location></files>
                <coreid index="2"/>
                <field index="0" term="http://purl.org/dc/terms/title"/>
                <field index="1" term="http://purl.org/dc/terms/identifier"/>
                <field index="3" term="http://purl.org/dc/terms/license"/>
              </extension>
            </archive>
            """;

    Path write(Path zip) throws IOException {
        StringBuilder occ = new StringBuilder("gbifID\tlifeStage\teventDate\tacceptedTaxonKey\tdecimalLongitude\t"
                + "datasetKey\tspeciesKey\tlocality\tfamilyKey\torderKey\tdecimalLatitude\n");
        for (Occurrence o : occurrences) {
            occ.append(String.join("\t", o.id(), nz(o.lifeStage()), "2021-06-0" + (o.id().length() % 9 + 1),
                    o.taxon() == null ? "" : o.taxon(), "-73.5", nz(o.datasetKey()),
                    o.taxon() == null ? "" : o.taxon(), "\"Mont \"\"Royal\"\"\tpark\"", "5000", "700", "45.5"))
                    .append('\n');
        }
        StringBuilder med = new StringBuilder("title\tidentifier\tgbifID\tlicense\n");
        int i = 0;
        for (Media m : media) {
            med.append(String.join("\t", "\"photo " + (i++) + "\"", "\"" + m.url() + "\"", m.coreid(),
                    "http://creativecommons.org/licenses/by/4.0/")).append('\n');
            if (i == 2) {
                for (String bad : malformedMediaLines) {
                    med.append(bad).append('\n');
                }
            }
        }
        Files.createDirectories(zip.toAbsolutePath().getParent());
        try (OutputStream f = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(f)) {
            put(z, "meta.xml", META.strip());
            put(z, "occurrence.txt", occ.toString());
            put(z, "multimedia.txt", med.toString());
        }
        return zip;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
