package org.tol.cli.gbif;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol gbif ...}: the Darwin Core Archive tools of RolnickLab/ami-ml ({@code ami-dataset}). */
@Command(name = "gbif", mixinStandardHelpOptions = true,
        description = "Training sets from a GBIF occurrence download (Darwin Core Archive): fetch, verify, delete, "
                + "clean, split, webdataset. Same options, CSV columns and file names as ami-ml's ami-dataset.",
        subcommands = {GbifFetchCommand.class, GbifVerifyCommand.class, GbifDeleteCommand.class,
            GbifCleanCommand.class, GbifSplitCommand.class, GbifWebdatasetCommand.class,
            GbifDemoArchiveCommand.class})
public final class GbifCommand extends GroupCommand {}
