package org.tol.gbif.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tol.api.image.DecodeResult;
import org.tol.gbif.wds.SampleImage;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * A small GBIF-like Darwin Core Archive made from images-in-Parquet (the quickstart's sample data): each
 * decodable image becomes {@code WWW/img/<uuid>.jpg}, grouped 1–3 per occurrence over three taxa; plus one
 * URL that does not exist (a 404 for fetch to report), one undecodable JPEG (verify lists it) and one URL
 * used by two occurrences (clean drops both).
 * The archive is GBIF's layout: occurrence.txt core, multimedia.txt extension, tab separated, a header line.
 */
public final class DemoArchive {
    public static final String DATASET_KEY = "7a3679ef-5582-4aaa-81f0-8c2545cafc81";
    private static final String[] STAGES = {"Adult", "Adult", "Adult", "Imago", "Larva", ""};

    public record Summary(int images, int occurrences, String archive) {}

    private DemoArchive() {}

    public static Summary build(List<String> inputs, Path www, String baseUrl, int maxImages, Path zip)
            throws IOException {
        ImageDecoder decoder = new ImageDecoder();
        List<String> urls = new ArrayList<>();
        for (InputFile f : InputFiles.resolve(inputs)) {
            try (ParquetRows rows = ParquetRows.open(f.path(), ImageColumns.DECODE_COLUMNS)) {
                for (Row r = rows.next(); r != null && urls.size() < maxImages; r = rows.next()) {
                    DecodeResult d = decoder.decode(r);
                    if (d.isOk()) {
                        String name = "img/" + r.string(ImageColumns.UUID) + ".jpg";
                        byte[] jpg = SampleImage.jpeg100(d.image());
                        AtomicFiles.write(www.resolve(name), out -> out.write(jpg));
                        urls.add(baseUrl + "/" + name);
                    }
                }
            }
        }
        if (urls.size() < 4) {
            throw new IOException("need at least 4 decodable images in " + inputs + ", found " + urls.size());
        }
        urls.add(baseUrl + "/img/does-not-exist.jpg");
        // JPEG markers around garbage: passes fetch's signature/end-marker check, fails verify's decode
        byte[] corrupt = new byte[2048];
        new java.util.Random(7).nextBytes(corrupt);
        corrupt[0] = (byte) 0xFF;
        corrupt[1] = (byte) 0xD8;
        corrupt[2] = (byte) 0xFF;
        corrupt[corrupt.length - 2] = (byte) 0xFF;
        corrupt[corrupt.length - 1] = (byte) 0xD9;
        AtomicFiles.write(www.resolve("img/corrupt.jpg"), out -> out.write(corrupt));
        urls.add(baseUrl + "/img/corrupt.jpg");
        urls.add(urls.get(0)); // the same picture published twice
        StringBuilder occ = new StringBuilder("gbifID\tdatasetKey\tacceptedTaxonKey\tspeciesKey\tfamilyKey\torderKey\t"
                + "lifeStage\tdecimalLatitude\tdecimalLongitude\teventDate\n");
        StringBuilder media = new StringBuilder("gbifID\ttype\tformat\tidentifier\tlicense\n");
        long id = 4_000_000_000L;
        int occurrences = 0;
        for (int i = 0; i < urls.size(); occurrences++, id++) {
            int n = 1 + (int) (id % 3);
            String taxon = Integer.toString(1_000_000 + (occurrences % 3));
            occ.append(String.join("\t", Long.toString(id), DATASET_KEY, taxon, taxon, "5000", "700",
                    STAGES[occurrences % STAGES.length], "45.5", "-73.5", "2024-06-01")).append('\n');
            for (int k = 0; k < n && i < urls.size(); k++, i++) {
                media.append(String.join("\t", Long.toString(id), "StillImage", "image/jpeg", urls.get(i),
                        "http://creativecommons.org/licenses/by/4.0/")).append('\n');
            }
        }
        AtomicFiles.write(zip, f -> {
            ZipOutputStream z = new ZipOutputStream(f);
            put(z, "meta.xml", META);
            put(z, "occurrence.txt", occ.toString());
            put(z, "multimedia.txt", media.toString());
            z.finish();
        });
        return new Summary(urls.size(), occurrences, zip.toString());
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static final String META = """
            <?xml version="1.0" encoding="utf-8"?>
            <archive xmlns="http://rs.tdwg.org/dwc/text/" metadata="metadata.xml">
              <core encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy=""
                    ignoreHeaderLines="1" rowType="http://rs.tdwg.org/dwc/terms/Occurrence">
                <files><location>occurrence.txt</location></files>
                <id index="0"/>
                <field index="0" term="http://rs.gbif.org/terms/1.0/gbifID"/>
                <field index="1" term="http://rs.gbif.org/terms/1.0/datasetKey"/>
                <field index="2" term="http://rs.gbif.org/terms/1.0/acceptedTaxonKey"/>
                <field index="3" term="http://rs.gbif.org/terms/1.0/speciesKey"/>
                <field index="4" term="http://rs.gbif.org/terms/1.0/familyKey"/>
                <field index="5" term="http://rs.gbif.org/terms/1.0/orderKey"/>
                <field index="6" term="http://rs.tdwg.org/dwc/terms/lifeStage"/>
                <field index="7" term="http://rs.tdwg.org/dwc/terms/decimalLatitude"/>
                <field index="8" term="http://rs.tdwg.org/dwc/terms/decimalLongitude"/>
                <field index="9" term="http://rs.tdwg.org/dwc/terms/eventDate"/>
              </core>
              <extension encoding="UTF-8" fieldsTerminatedBy="\\t" linesTerminatedBy="\\n" fieldsEnclosedBy=""
                    ignoreHeaderLines="1" rowType="http://rs.gbif.org/terms/1.0/Multimedia">
                <files><location>multimedia.txt</location></files>
                <coreid index="0"/>
                <field index="1" term="http://purl.org/dc/terms/type"/>
                <field index="2" term="http://purl.org/dc/terms/format"/>
                <field index="3" term="http://purl.org/dc/terms/identifier"/>
                <field index="4" term="http://purl.org/dc/terms/license"/>
              </extension>
            </archive>
            """;
}
