package org.tol.stages.wds;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tol.api.TolException;
import org.tol.io.json.Json;
import org.tol.wds.taxon.Taxon;

/**
 * The Rare Species benchmark blacklists ({@code seen_in_training.json}, {@code unseen_in_training.json}: species
 * → image paths), applied so that they match. The reference compares the unseen keys, which are hyphen-joined
 * 7-rank strings, with "Genus species" and the EOL basenames ({@code <content>_<page>_eol-...jpg}) with
 * {@code <uuid>.jpg} member names, so neither ever matched; here keys of both styles become scientific names and
 * EOL images are also matched by their (content_id, page_id).
 */
public final class RareSpecies {
    public static final String SEEN = "seen_in_training.json";
    public static final String UNSEEN = "unseen_in_training.json";
    private static final Pattern EOL_NAME = Pattern.compile("(\\d+)_(\\d+)_eol.*");

    private final Set<String> basenames = new HashSet<>();
    private final Set<String> eolIds = new HashSet<>(); // "content_page"
    private final Set<String> species = new HashSet<>();

    public static RareSpecies none() {
        return new RareSpecies();
    }

    public static RareSpecies load(Path dir) throws IOException {
        RareSpecies r = new RareSpecies();
        boolean any = false;
        for (String name : List.of(SEEN, UNSEEN)) {
            Path f = dir.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            any = true;
            Map<String, List<String>> m;
            try {
                m = Json.mapper().readValue(f.toFile(), new TypeReference<Map<String, List<String>>>() {});
            } catch (IOException e) {
                throw new TolException(f + " is not a {species: [image paths]} JSON object: " + e.getMessage(),
                        "use the files from bioclip's data/rarespecies/");
            }
            for (Map.Entry<String, List<String>> e : m.entrySet()) {
                for (String img : e.getValue()) {
                    r.addImage(Path.of(img).getFileName().toString());
                }
                if (name.equals(UNSEEN)) { // the reference blacklists only unseen species (seen ones are in training)
                    r.species.add(scientificOf(e.getKey()));
                }
            }
        }
        if (!any) {
            throw new TolException("--rare-species " + dir + " has neither " + SEEN + " nor " + UNSEEN,
                    "point it at bioclip's data/rarespecies directory");
        }
        return r;
    }

    private void addImage(String basename) {
        basenames.add(basename);
        Matcher m = EOL_NAME.matcher(basename);
        if (m.matches()) {
            eolIds.add(Long.parseLong(m.group(1)) + "_" + Long.parseLong(m.group(2)));
        }
    }

    /** "Animalia-…-Cyclonaias-tuberculata" or "Cyclonaias tuberculata" → "Cyclonaias tuberculata". */
    static String scientificOf(String key) {
        String[] parts = key.split("-");
        if (parts.length >= 7) {
            String sp = String.join("-", Arrays.copyOfRange(parts, 6, parts.length));
            return Taxon.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], sp).scientific();
        }
        return Taxon.of("", "", "", "", "", "", key).scientific();
    }

    public boolean blocksSpecies(Taxon taxon) {
        return !species.isEmpty() && species.contains(taxon.scientific());
    }

    public boolean blocksImage(String basename) {
        return basenames.contains(basename);
    }

    public boolean blocksEol(long contentId, long pageId) {
        return eolIds.contains(contentId + "_" + pageId);
    }

    public int speciesCount() {
        return species.size();
    }

    public int imageCount() {
        return basenames.size();
    }
}
