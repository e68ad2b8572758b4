package org.tol.stages.report;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.tol.stages.sql.DuckDb;

/** The distributions one filter's users look at, and the rows of it a curator would inspect. */
interface FilterSection {
    /** True for a run of this kind ({@code run.json}'s filter name, or "predictions") with these columns. */
    boolean appliesTo(String kind, Map<String, String> columns);

    /** Writes the section's charts for the rows of {@code view}; returns the rows for the gallery. */
    List<Pick> write(Html html, DuckDb db, String view, Map<String, String> columns) throws SQLException;
}
