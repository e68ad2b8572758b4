package org.tol.stages.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tol.api.TolException;

/**
 * The reference's groups ({@code create_lookup_tbl.py}, plus the notebook's {@code camera_trap_below_15}) as SQL
 * over the attributes table. Spark's three-valued logic and SQL's are the same: {@code =}, {@code !=},
 * {@code IN} and {@code NOT IN} against a NULL are NULL, and a NULL predicate excludes the row; string
 * comparisons are case-sensitive; {@code contains} is {@code strpos(...) > 0}.
 */
public final class LookupGroups {
    private LookupGroups() {}

    static final String SCRIPT = "create_lookup_tbl.py";

    private static final List<String> BASE = cols("uuid", "source_id", "basisOfRecord");
    private static final List<String> QUESTAGAME = cols("uuid", "source_id", "publisher", "taxonRemarks",
            "taxonomicStatus", "issue");

    /** The camera-trap condition: eventRemarks mentions a trap, or a known publisher's machine observation. */
    static final String CAMERA_TRAP = "((\"eventRemarks\" IS NOT NULL AND (strpos(\"eventRemarks\", 'camera trap') > 0"
            + " OR strpos(\"eventRemarks\", 'Trigger Sensitivity') > 0))"
            + " OR (\"basisOfRecord\" = 'MACHINE_OBSERVATION' AND \"publisher\" IS NOT NULL AND \"publisher\" IN "
            + list(ReferenceLists.CAMERA_TRAP_PUBLISHERS) + "))";

    private static final Map<String, LookupGroup> PRESETS = new LinkedHashMap<>();

    static {
        String museum = "\"basisOfRecord\" IN " + list(ReferenceLists.MUSEUM_BASIS_OF_RECORD);
        add(new LookupGroup("multi_occ_museum_specimen", LookupGroup.Source.ATTRIBUTES, true, withTax(BASE), museum,
                null, null, SCRIPT));
        List<String> all = new ArrayList<>(BASE);
        all.add("datasetKey");
        add(new LookupGroup("museum_specimen_all", LookupGroup.Source.ATTRIBUTES, false, withTax(all), museum, null,
                null, SCRIPT));
        add(new LookupGroup("multi_occ_camera_trap", LookupGroup.Source.ATTRIBUTES, true, withTax(BASE), CAMERA_TRAP,
                null, null, SCRIPT));
        add(new LookupGroup("citizen_science", LookupGroup.Source.CITIZEN_SCIENCE, false, withTax(BASE), null, null,
                null, SCRIPT));
        add(new LookupGroup("citizen_science_fish", LookupGroup.Source.CITIZEN_SCIENCE, false, withTax(BASE),
                "\"phylum\" IS NOT NULL AND \"order\" IS NOT NULL AND \"phylum\" = 'Chordata' AND \"order\" IN "
                        + list(ReferenceLists.FISH_ORDERS), null, null, SCRIPT));
        add(new LookupGroup("questagame_birds", LookupGroup.Source.ATTRIBUTES, false, withTax(QUESTAGAME),
                "\"taxonRemarks\" = 'Birds' AND \"phylum\" != 'Chordata' AND \"publisher\" = 'Questagame'", null, null,
                SCRIPT));
        add(new LookupGroup("questagame_plants_that_flowers", LookupGroup.Source.ATTRIBUTES, false, withTax(QUESTAGAME),
                "\"taxonRemarks\" = 'Plants that flower' AND NOT (\"kingdom\" IN ('Plantae', 'incertae sedis'))"
                        + " AND \"publisher\" = 'Questagame'", null, null, SCRIPT));
        add(new LookupGroup("questagame_butterflies_moths", LookupGroup.Source.ATTRIBUTES, false, withTax(QUESTAGAME),
                "\"taxonRemarks\" = 'Insects - Butterflies and Moths' AND \"kingdom\" != 'incertae sedis'"
                        + " AND \"phylum\" != 'Arthropoda' AND \"publisher\" = 'Questagame'", null, null, SCRIPT));
        Map<String, Double> yale = new LinkedHashMap<>();
        yale.put("Chromista", 0.05);
        yale.put("Bacteria", 0.1);
        yale.put("Fungi", 0.05);
        yale.put("Animalia", 1.0);
        yale.put("Protozoa", 1.0);
        add(new LookupGroup("yale_plants", LookupGroup.Source.ATTRIBUTES, false, withTax(QUESTAGAME),
                "\"taxonRemarks\" = 'Animals and Plants: Plants' AND NOT (\"kingdom\" IN ('Plantae', 'incertae sedis'))"
                        + " AND \"publisher\" = 'Yale University Peabody Museum'", Map.copyOf(yale), null, SCRIPT));
        List<String> trap = new ArrayList<>(BASE);
        trap.add("publisher");
        add(new LookupGroup("camera_trap_below_15", LookupGroup.Source.ATTRIBUTES, true, withTax(trap),
                CAMERA_TRAP + " AND \"publisher\" != '" + ReferenceLists.PLANKTON_PUBLISHER.replace("'", "''") + "'",
                null, 15, "notebooks/gbif/Identify_Camera_Trap.py (threshold 15)"));
    }

    private static void add(LookupGroup g) {
        PRESETS.put(g.name(), g);
    }

    public static List<LookupGroup> presets() {
        return List.copyOf(PRESETS.values());
    }

    public static LookupGroup preset(String name) {
        LookupGroup g = PRESETS.get(name);
        if (g == null) {
            throw TolException.usage("unknown group '" + name + "'",
                    "one of " + String.join(", ", PRESETS.keySet()) + " (tol lookup groups), or use --where SQL");
        }
        return g;
    }

    private static List<String> cols(String... names) {
        return List.of(names);
    }

    private static List<String> withTax(List<String> head) {
        List<String> out = new ArrayList<>(head);
        out.addAll(ReferenceLists.TAXONOMIC);
        return List.copyOf(out);
    }

    /** A SQL list literal: ('a', 'b', ...), quotes doubled. */
    static String list(List<String> values) {
        return values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
