package org.tol.runtime.stage;

import java.util.List;
import java.util.Map;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.InputColumns;
import org.tol.runtime.plan.Planner;

/** Ready-made plans for stages. */
public final class StagePlans {
    private StagePlans() {}

    /**
     * One unit per input Parquet file (the filters' listing rules: directories recursive and sorted, {@code .txt}
     * lists, {@code _}/{@code .} entries skipped); the id is the path relative to the inputs' common directory.
     */
    public static List<StageUnit> files(List<String> inputs) {
        return Planner.plan("", Map.of(), inputs, 0, 1).units().stream()
                .map(u -> new StageUnit(u.id(), u.path(), u.bytes())).toList();
    }

    /** As {@link #files}, for tables of rows: a file needs only the {@code uuid} column, no image. */
    public static List<StageUnit> rows(List<String> inputs) {
        return Planner.plan("", Map.of(), inputs, InputColumns.ROWS, 0, 1).units().stream()
                .map(u -> new StageUnit(u.id(), u.path(), u.bytes())).toList();
    }

    /** The schema an input file of {@code stage} must have: images, or ({@link Stage#unitsNeedImages} false) rows. */
    static InputColumns columns(Stage stage) {
        return stage.unitsNeedImages() ? InputColumns.DEFAULT : InputColumns.ROWS;
    }

    static WorkUnit workUnit(StageUnit u) {
        return new WorkUnit(u.id(), u.path(), u.bytes(), 0, -1);
    }
}
