package io.kanisterhooks.hooks.cluster;

/** How a CLI invocation ended: exit code, stdout (the JSON result of {@code hooks pre|post}) and stderr (progress). */
record CliResult(int exitCode, String stdout, String stderr) {

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
