package org.tol.runtime.exec;

/**
 * One input row after the CPU stage: either the filter's prepared input, or a failure status (decode error,
 * prepare exception) that goes straight to the output.
 */
record PreparedRow<P>(String uuid, P prepared, String failStatus, String failMessage, java.util.Map<String, Object> passThrough) {
    PreparedRow(String uuid, P prepared, String failStatus, String failMessage) {
        this(uuid, prepared, failStatus, failMessage, java.util.Map.of());
    }

    PreparedRow<P> withPassThrough(java.util.Map<String, Object> values) {
        return new PreparedRow<>(uuid, prepared, failStatus, failMessage, values);
    }

    static final String PREPARE_ERROR = "prepare_error";
    static final String INFERENCE_ERROR = "inference_error";

    boolean ok() {
        return failStatus == null;
    }
}
