package org.tol.stages.lookup;

import java.util.List;

/** The test's own copy of create_lookup_tbl.py's fish_orders (typed from the reference, not from main code). */
final class ReferenceFishOrders {
    private ReferenceFishOrders() {}

    static final List<String> ORDERS = List.of("Myxiniformes", "Petromyzontiformes", "Selachii", "Batoidei",
            "Chimaeriformes", "Acipenseriformes", "Polypteriformes", "Amiiformes", "Semionotiformes", "Osteoglossiformes",
            "Elopiformes", "Albuliformes", "Anguilliformes", "Saccopharyngiformes", "Clupeiformes", "Gonorynchiformes",
            "Cypriniformes", "Characiformes", "Siluriformes", "Gymnotiformes", "Salmoniformes", "Esociformes",
            "Osmeriformes", "Percopsiformes", "Gadiformes", "Lophiiformes", "Stomiiformes", "Ateleopodiformes",
            "Aulopiformes", "Myctophiformes", "Lampriformes", "Polymixiiformes", "Percopsiformes", "Gadiformes",
            "Batrachoidiformes", "Lophiiformes", "Ophidiiformes", "Atheriniformes", "Cyprinodontiformes", "Beloniformes",
            "Mugiliformes", "Stephanoberyciformes", "Beryciformes", "Zeiformes", "Gasterosteiformes", "Synbranchiformes",
            "Scorpaeniformes", "Perciformes", "Pleuronectiformes", "Tetraodontiformes", "Coelacanthiformes",
            "Ceratodontiformes", "Lepidosireniformes");
}
