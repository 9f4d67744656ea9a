package io.kanisterhooks.cluster;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a ready cluster tells about itself in its ready marker (no secrets: the admin token lives in the kubeconfig).
 */
public record ClusterInfo(String apiServerUrl, Path kubeconfig, long supervisorPid, List<Long> serverPids,
        List<Integer> ports) {
    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("apiserver", apiServerUrl);
        p.setProperty("kubeconfig", kubeconfig.toString());
        p.setProperty("supervisor.pid", Long.toString(supervisorPid));
        p.setProperty("server.pids", join(serverPids));
        p.setProperty("ports", join(ports));
        return p;
    }

    public static ClusterInfo fromProperties(Properties p) {
        return new ClusterInfo(p.getProperty("apiserver"), Path.of(p.getProperty("kubeconfig")),
                Long.parseLong(p.getProperty("supervisor.pid")),
                split(p.getProperty("server.pids")).stream().map(Long::valueOf).toList(),
                split(p.getProperty("ports")).stream().map(Integer::valueOf).toList());
    }

    private static String join(List<? extends Number> numbers) {
        return String.join(" ", numbers.stream().map(String::valueOf).toList());
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
