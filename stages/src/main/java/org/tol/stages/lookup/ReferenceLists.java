package org.tol.stages.lookup;

import java.util.List;

/**
 * The lists the reference scripts hard-code, copied verbatim (order and duplicates included) from
 * Imageomics/TreeOfLife-toolbox {@code processing/src/processing/create_lookup_tbl.py} and
 * {@code extract_museum_specimen.py}; {@code notebooks/gbif/Identify_Camera_Trap.py} for the camera-trap
 * publishers. They are data: change them only to follow the reference.
 */
public final class ReferenceLists {
    private ReferenceLists() {}

    public static final List<String> TAXONOMIC = List.of(
            "kingdom", "phylum", "class", "order", "family", "genus", "species");

    public static final List<String> MUSEUM_BASIS_OF_RECORD = List.of(
            "PRESERVED_SPECIMEN", "MATERIAL_SAMPLE", "FOSSIL_SPECIMEN", "LIVING_SPECIMEN", "MATERIAL_CITATION");

    /** {@code publishers_camera_trap}; "National Museum of Nature and Science, Japan" is commented out there. */
    public static final List<String> CAMERA_TRAP_PUBLISHERS = List.of(
            "Museums Victoria",
            "Ministerio del Ambiente, Agua y Transición Ecológica de Ecuador - MAATE",
            "Miljøstyrelsen / The Danish Environmental Protection Agency",
            "Burgoigee Creek Landcare Group",
            "Lomonosov Moscow State University");

    /** Excluded from camera-trap data by the notebook (microscopic plankton images). */
    public static final String PLANKTON_PUBLISHER = "National Museum of Nature and Science, Japan";

    /** {@code fish_orders}: 53 entries, 50 distinct (Percopsiformes, Gadiformes, Lophiiformes twice). */
    public static final List<String> FISH_ORDERS = List.of(
            "Myxiniformes",
            "Petromyzontiformes",
            "Selachii",
            "Batoidei",
            "Chimaeriformes",
            "Acipenseriformes",
            "Polypteriformes",
            "Amiiformes",
            "Semionotiformes",
            "Osteoglossiformes",
            "Elopiformes",
            "Albuliformes",
            "Anguilliformes",
            "Saccopharyngiformes",
            "Clupeiformes",
            "Gonorynchiformes",
            "Cypriniformes",
            "Characiformes",
            "Siluriformes",
            "Gymnotiformes",
            "Salmoniformes",
            "Esociformes",
            "Osmeriformes",
            "Percopsiformes",
            "Gadiformes",
            "Lophiiformes",
            "Stomiiformes",
            "Ateleopodiformes",
            "Aulopiformes",
            "Myctophiformes",
            "Lampriformes",
            "Polymixiiformes",
            "Percopsiformes",
            "Gadiformes",
            "Batrachoidiformes",
            "Lophiiformes",
            "Ophidiiformes",
            "Atheriniformes",
            "Cyprinodontiformes",
            "Beloniformes",
            "Mugiliformes",
            "Stephanoberyciformes",
            "Beryciformes",
            "Zeiformes",
            "Gasterosteiformes",
            "Synbranchiformes",
            "Scorpaeniformes",
            "Perciformes",
            "Pleuronectiformes",
            "Tetraodontiformes",
            "Coelacanthiformes",
            "Ceratodontiformes",
            "Lepidosireniformes");

    /** {@code invertebrate_phyla} (29). */
    public static final List<String> INVERTEBRATE_PHYLA = List.of(
            "Mollusca", "Arthropoda", "Bryozoa", "Cnidaria", "Brachiopoda", "Echinodermata",
            "Porifera", "Foraminifera", "Tardigrada", "Annelida", "Nemertea", "Nematoda",
            "Platyhelminthes", "Sipuncula", "Rotifera", "Chaetognatha", "Gastrotricha",
            "Hemichordata", "Onychophora", "Xenacoelomorpha", "Ctenophora", "Priapulida",
            "Acanthocephala", "Phoronida", "Entoprocta", "Nematomorpha", "Loricifera", "Kinorhyncha", "Cycliophora");

    /** {@code microbiology_phyla} (19; the reference passes them through a set, so order does not matter). */
    public static final List<String> MICROBIOLOGY_PHYLA = List.of(
            "Proteobacteria", "Cyanobacteria", "Actinobacteriota", "Firmicutes", "Firmicutes_C",
            "Myzozoa", "Cercozoa", "Bigyra", "Ciliophora", "Haptophyta", "Metamonada",
            "Euglenozoa", "Sarcomastigophora", "Bacteroidota", "Amoebozoa", "Microsporidia",
            "Cryptophyta", "Myxococcota", "Fusobacteriota");

    public static final List<String> PLANT_PHYLA = List.of("Magnoliopsida", "Ochrophyta");

    public static final List<String> FUNGI_PHYLA = List.of("Mycetozoa", "Oomycota", "Leotiomycetes", "Sordariomycetes");
}
