package org.tol.gbif;

import java.util.List;

/**
 * One image row of the reference's {@code load_dwca_data}: a multimedia record joined to its occurrence, with
 * {@code count} = its position among the images of that occurrence (multimedia file order, from 0).
 *
 * @param values the {@link #COLUMNS} values in order (null = missing), without {@code count}
 * @param license multimedia {@code license} (not a reference column; used by the Parquet output)
 * @param title multimedia {@code title} (likewise)
 */
public record GbifImage(String[] values, int count, String license, String title) {
    /** The reference's column order after the merge (multimedia columns, then occurrence columns), then count. */
    public static final List<String> COLUMNS = List.of("coreid", "identifier", "id", "datasetKey", "speciesKey",
            "familyKey", "orderKey", "acceptedTaxonKey", "lifeStage", "decimalLatitude", "decimalLongitude",
            "eventDate", "count");

    /** The occurrence fields the reference keeps, in its order. */
    public static final List<String> OCCURRENCE_FIELDS = COLUMNS.subList(3, 12);

    public String get(String column) {
        if (column.equals("count")) {
            return Integer.toString(count);
        }
        if (column.equals("image_path")) {
            return imagePath();
        }
        int i = COLUMNS.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no DwC-A column '" + column + "' (known: " + COLUMNS + ", image_path)");
        }
        return values[i];
    }

    public String coreid() {
        return values[0];
    }

    public String url() {
        return values[1];
    }

    public String datasetKey() {
        return values[3];
    }

    /**
     * The reference's {@code get_image_path}: {@code <datasetKey>/<coreid>.jpg}, or {@code ..._<count>.jpg}
     * for the second and later images of an occurrence. Always "/" (the reference used os.sep, "/" on Linux).
     */
    public String imagePath() {
        return datasetKey() + "/" + coreid() + (count > 0 ? "_" + count : "") + ".jpg";
    }

    /** The row's values for {@link #COLUMNS}, count included. */
    public String[] row() {
        String[] r = new String[COLUMNS.size()];
        System.arraycopy(values, 0, r, 0, values.length);
        r[r.length - 1] = Integer.toString(count);
        return r;
    }
}
