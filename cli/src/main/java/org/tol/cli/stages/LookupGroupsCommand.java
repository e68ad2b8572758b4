package org.tol.cli.stages;

import java.util.concurrent.Callable;
import org.tol.stages.lookup.LookupGroup;
import org.tol.stages.lookup.LookupGroups;
import picocli.CommandLine.Command;

/** {@code tol lookup groups}: every preset of {@code tol lookup build --group} with its predicate. */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Lists every --group preset with its exact predicate, tables and columns.")
public final class LookupGroupsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (LookupGroup g : LookupGroups.presets()) {
            System.out.println(g.name() + "  (" + g.reference() + ")");
            System.out.println("    " + g.describe());
        }
        return 0;
    }
}
