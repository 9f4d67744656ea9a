package io.kanisterhooks.cluster.kando;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The {@code kando} stand-in on the PATH of simulated pods. Only {@code kando output KEY VALUE} exists here: it prints
 * the phase-output marker line exactly like Kanister's kando. Every other subcommand needs an object store, which the
 * local cluster does not have. Must stay free of dependencies: it runs with only the cluster jar on the class path and
 * starts once per call.
 */
public final class Kando {
    static final String MARKER = "###Phase-output###:";
    private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9_]*$");

    private Kando() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Returns the process exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            err.println("Usage: kando output <key> <value>");
            err.println("(kando stand-in of the kanister-hooks local cluster: only 'output' is available)");
            return args.length == 0 ? 1 : 0;
        }
        if (!args[0].equals("output")) {
            err.println("Error: 'kando " + String.join(" ", Arrays.asList(args).subList(0, Math.min(2, args.length)))
                    + "' is not available in the kanister-hooks local cluster: it has no object store (location,"
                    + " profile and repository commands need one); only 'kando output' is simulated");
            return 1;
        }
        try {
            out.println(formatOutput(Arrays.copyOfRange(args, 1, args.length)));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    /** The line {@code kando output} prints for these arguments (without the newline). */
    public static String formatOutput(String... args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("Command accepts 2 arguments, received " + args.length + " arguments");
        }
        String key = args[0];
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Key should not be empty");
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Key should contain only alphanumeric characters and underscore");
        }
        return MARKER + " {\"key\":" + GoJsonString.quote(key) + ",\"value\":" + GoJsonString.quote(args[1]) + "}";
    }
}
