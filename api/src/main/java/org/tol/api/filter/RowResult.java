package org.tol.api.filter;

import java.util.Map;

/**
 * The outcome for one input row: {@code status} is {@code "ok"} or an error kind (e.g. {@code
 * corrupt_image}, {@code nan_embedding}); {@code error} is a human message or null; {@code values} holds
 * the filter's own columns (missing keys write null).
 */
public record RowResult(String status, String error, Map<String, Object> values) {
    public static final String OK = "ok";

    public static RowResult ok(Map<String, Object> values) {
        return new RowResult(OK, null, values);
    }

    public static RowResult failed(String status, String error) {
        return new RowResult(status, error, Map.of());
    }

    public boolean isOk() {
        return OK.equals(status);
    }
}
