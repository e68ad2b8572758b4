package org.tol.stages.sample;

import java.util.List;
import java.util.Random;

/** GBIF-like metadata for synthetic rows: sources, servers, licences and a small taxonomy. */
final class SampleMetadata {
    static final List<String> SOURCES = List.of("gbif", "eol", "bioscan", "fathomnet");
    static final List<String> SERVERS = List.of("inaturalist-open-data.s3.amazonaws.com", "observation.org",
            "api.gbif.org", "collections.nmnh.si.edu");
    static final List<String> LICENSES = List.of("http://creativecommons.org/licenses/by/4.0/",
            "http://creativecommons.org/licenses/by-nc/4.0/", "http://creativecommons.org/publicdomain/zero/1.0/",
            "http://creativecommons.org/licenses/by-sa/4.0/");
    static final List<String> BASIS = List.of("HUMAN_OBSERVATION", "PRESERVED_SPECIMEN", "MACHINE_OBSERVATION",
            "MATERIAL_SAMPLE");
    static final List<String> PUBLISHERS = List.of("iNaturalist.org", "Questagame", "Museums Victoria",
            "Yale University Peabody Museum", "Observation.org");
    static final List<String> TAXON_REMARKS = java.util.Arrays.asList(null, "Birds", "Plants that flower",
            "Insects - Butterflies and Moths", "Animals and Plants: Plants");
    static final List<String> EVENT_REMARKS = java.util.Arrays.asList(null, null, "camera trap", "Trigger Sensitivity: High",
            "sunny");

    /** kingdom, phylum, class, order, family, genus, species. */
    static final List<String[]> TAXA = List.of(
            new String[] {"Animalia", "Chordata", "Aves", "Passeriformes", "Paridae", "Parus", "Parus major"},
            new String[] {"Animalia", "Chordata", "Mammalia", "Carnivora", "Felidae", "Lynx", "Lynx rufus"},
            new String[] {"Animalia", "Chordata", "Amphibia", "Anura", "Ranidae", "Rana", "Rana temporaria"},
            new String[] {"Animalia", "Arthropoda", "Insecta", "Lepidoptera", "Nymphalidae", "Danaus", "Danaus plexippus"},
            new String[] {"Animalia", "Mollusca", "Gastropoda", "Stylommatophora", "Helicidae", "Cornu", "Cornu aspersum"},
            new String[] {"Plantae", "Tracheophyta", "Magnoliopsida", "Asterales", "Asteraceae", "Bellis", "Bellis perennis"},
            new String[] {"Plantae", "Tracheophyta", "Pinopsida", "Pinales", "Pinaceae", "Pinus", "Pinus sylvestris"},
            new String[] {"Fungi", "Basidiomycota", "Agaricomycetes", "Agaricales", "Amanitaceae", "Amanita", "Amanita muscaria"});

    private SampleMetadata() {}

    static String uuid(Random rnd) {
        long hi = (rnd.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
