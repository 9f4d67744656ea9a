package io.kanisterhooks.cluster.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/** Writes single-context kubeconfig files (owner-readable only: they carry bearer tokens). */
public final class Kubeconfigs {
    private Kubeconfigs() {}

    /**
     * @param token bearer token, or {@code null} for a config without credentials (requests are then anonymous)
     */
    public static void write(Path file, String server, String caPem, String user, String token) throws IOException {
        String ca = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
        StringBuilder yaml = new StringBuilder()
                .append("apiVersion: v1\nkind: Config\n")
                .append("clusters:\n- name: local\n  cluster:\n")
                .append("    server: ").append(server).append('\n')
                .append("    certificate-authority-data: ").append(ca).append('\n')
                .append("users:\n- name: ").append(user).append('\n')
                .append(token == null ? "  user: {}\n" : "  user:\n    token: " + token + "\n")
                .append("contexts:\n- name: local\n  context:\n    cluster: local\n    user: ").append(user)
                        .append('\n')
                .append("current-context: local\n");
        Pki.writePrivate(file, yaml.toString());
    }
}
