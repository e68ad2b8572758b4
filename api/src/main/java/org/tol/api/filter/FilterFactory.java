package org.tol.api.filter;

import org.tol.api.model.Device;

/**
 * Creates a rank's filter once the runtime knows which device the rank owns. Called once per rank, before
 * any data is read, so signature checks fail fast.
 */
@FunctionalInterface
public interface FilterFactory {
    ImageFilter<?> create(Device device) throws Exception;
}
