package io.kanisterhooks.kube;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the connection settings come from, resolved like kubectl: {@code --kubeconfig}, else {@code KUBECONFIG} (several
 * files, merged), else {@code ~/.kube/config}, else the in-cluster service account.
 *
 * @param explicitFile {@code --kubeconfig}, or null
 * @param context      {@code --context}, or null for the current context
 */
public record KubeConfigSource(Path explicitFile, String context, Map<String, String> environment, Path home) {

    public static KubeConfigSource fromEnvironment(Path explicitFile, String context) {
        return new KubeConfigSource(explicitFile, context, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The kubeconfig files to merge, in precedence order; empty means "use the in-cluster service account". */
    public List<Path> files() {
        if (explicitFile != null) {
            return List.of(explicitFile);
        }
        String env = environment.get("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Arrays.stream(env.split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(Path::of).distinct().toList();
        }
        Path dflt = home.resolve(".kube").resolve("config");
        return Files.exists(dflt) ? List.of(dflt) : List.of();
    }
}
