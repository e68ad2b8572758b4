package org.tol.cli.pdq;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol pdq ...}: PDQ perceptual hashes, cross-set matching and near-duplicate clusters. */
@Command(name = "pdq", mixinStandardHelpOptions = true,
        description = "PDQ perceptual hashing, near-duplicate matching and dedup.",
        subcommands = {PdqHashCommand.class, PdqMatchCommand.class, PdqDedupCommand.class})
public final class PdqCommand extends GroupCommand {}
