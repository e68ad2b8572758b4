package org.tol.checkpoint;

import java.nio.file.Path;

/** A committed part together with the rank directory it lives in. */
public record RankedPart(int rank, Path file, PartRecord record) {}
