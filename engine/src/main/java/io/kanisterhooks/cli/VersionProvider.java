package io.kanisterhooks.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so the CLI and the build never disagree. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kanister-hooks " + version()};
    }
}
