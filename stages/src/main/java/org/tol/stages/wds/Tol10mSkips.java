package org.tol.stages.wds;

import java.util.LinkedHashMap;
import java.util.Map;

/** Why items of a TreeOfLife-10M unit were not written (the reference's skip reasons), counted. */
final class Tol10mSkips {
    long notInDb;
    long notInSplit;
    long noName;
    long rareSpecies;
    long rareImage;

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("skipped_not_in_db", notInDb);
        m.put("skipped_not_in_split", notInSplit);
        m.put("skipped_no_name", noName);
        m.put("skipped_rare_species", rareSpecies);
        m.put("skipped_rare_image", rareImage);
        return m;
    }
}
