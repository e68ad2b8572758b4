package org.tol.api.stage;

/** Creates a rank's {@link Stage} (one per rank; under {@code --mpj multicore:N} several in one JVM). */
@FunctionalInterface
public interface StageFactory {
    Stage create() throws Exception;
}
