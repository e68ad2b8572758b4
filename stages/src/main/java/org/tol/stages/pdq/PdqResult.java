package org.tol.stages.pdq;

/**
 * A PDQ hash with its quality (0..100; Meta treats 49 or less as unreliable).
 */
public record PdqResult(PdqHash hash, int quality) {}
