package org.tol.runtime.exec;

import java.net.InetAddress;

/** This machine's short host name, as ranks record it and {@code tol status} compares it (once per JVM). */
public final class HostName {
    private static final String NAME = lookup();

    private HostName() {}

    public static String get() {
        return NAME;
    }

    private static String lookup() {
        String env = System.getenv("HOSTNAME");
        try {
            String n = InetAddress.getLocalHost().getHostName();
            return n == null || n.isBlank() ? (env == null ? "unknown" : env) : n;
        } catch (Exception e) {
            return env == null ? "unknown" : env;
        }
    }
}
