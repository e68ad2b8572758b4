package org.tol.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (set by the build). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TolCommand.class.getPackage().getImplementationVersion();
        return new String[] {"tol " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
