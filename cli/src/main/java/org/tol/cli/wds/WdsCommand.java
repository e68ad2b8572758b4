package org.tol.cli.wds;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol wds ...}: WebDataset shards and the TreeOfLife-10M tooling. */
@Command(name = "wds", mixinStandardHelpOptions = true,
        description = "WebDataset shards: build (multi-rank), check, catalog, taxa checks, splits, mapping db.",
        subcommands = {WdsBuildCommand.class, WdsBuildTol10mCommand.class, WdsCheckCommand.class,
            WdsCatalogCommand.class, WdsCheckTaxaCommand.class, WdsSplitsCommand.class, WdsMappingCommand.class})
public final class WdsCommand extends GroupCommand {}
