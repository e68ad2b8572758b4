package org.tol.api.model;

/** ServiceLoader entry point for an engine; {@link #engine()} is created lazily on first use. */
public interface InferenceEngineProvider {
    String name();

    /** Lower rank wins when several engines accept a file and none was named. */
    int rank();

    InferenceEngine engine();
}
