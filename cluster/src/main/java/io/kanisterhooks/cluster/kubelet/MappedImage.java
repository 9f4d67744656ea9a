package io.kanisterhooks.cluster.kubelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The images whose entrypoint the kubelet simulator knows, mapped to this machine's (Debian's) binaries. A container of
 * one of these images with no {@code command} runs a small script of ours ({@code entrypoints/<name>.sh} in the
 * resources) that does what the image's own entrypoint does — initialise the data directory on first start from the
 * image's environment variables, then run the server in the foreground — instead of idling. The rest is real: real
 * server processes, real data directories on the pod's volumes, a real clean shutdown on the image's stop signal.
 *
 * <p>The table, in one place:
 * <pre>
 * image (any tag)  runs                             data directory                      stop signal  ready when
 * mariadb          Debian's mariadb-server (10.11)  /var/lib/mysql                      TERM         mariadb-admin ping
 * postgres         Debian's postgresql-15           $PGDATA (/var/lib/postgresql/data)  INT          pg_isready
 * </pre>
 * The tag is not honoured: whatever it says, the server is the one Debian ships. Deliberately not mapped: {@code mysql}
 * (MariaDB is not MySQL: its SQL, clients and files differ), {@code bitnami/*} (other paths, users and variables).
 *
 * <p>Each pod with such a container gets its own loopback port and socket directory per server (several database
 * pods run at once); every container of the pod gets the client variables that point at them
 * ({@link #clientEnvironment}), so {@code mysql -e ...} or {@code psql -c ...} exec'd into the pod reach that pod's
 * server unchanged.
 */
enum MappedImage {
    MARIADB("mariadb", "/var/lib/mysql", null, "TERM", List.of("mariadb-admin", "ping", "--connect-timeout=2")) {
        @Override
        Map<String, String> clientEnvironment(Path runDir, int port) {
            // Debian's clients read /etc/mysql/mariadb.cnf, whose socket setting beats MYSQL_UNIX_PORT: the my.cnf in
            // MYSQL_HOME, read after it, points them at this pod's server
            return Map.of("MYSQL_HOME", runDir.toString(), "MYSQL_UNIX_PORT", socket(runDir).toString(),
                    "MYSQL_TCP_PORT", Integer.toString(port));
        }

        @Override
        void prepareRunDir(Path runDir, int port) throws IOException {
            Files.writeString(runDir.resolve("my.cnf"),
                    "[client-server]\nsocket = " + socket(runDir) + "\nport = " + port + "\n");
        }

        private static Path socket(Path runDir) {
            return runDir.resolve("mysqld.sock");
        }
    },
    // a user name for pg_isready: an id without a passwd entry (runAsUser: 999) has none of its own
    POSTGRES("postgres", "/var/lib/postgresql/data", "PGDATA", "INT",
            List.of("pg_isready", "--quiet", "--timeout=2", "--username=postgres")) {
        @Override
        Map<String, String> clientEnvironment(Path runDir, int port) {
            return Map.of("PGHOST", runDir.toString(), "PGPORT", Integer.toString(port));
        }

        @Override
        List<Path> binaries() {
            // the server binaries (initdb, postgres, pg_ctl) are not on Debian's PATH; the image has them on its own
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                return versions.map(v -> v.resolve("bin")).filter(Files::isDirectory)
                        .max((a, b) -> Integer.compare(major(a), major(b))).stream().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        private static int major(Path bin) {
            try {
                return Integer.parseInt(bin.getParent().getFileName().toString());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    };

    /** The variable telling the entrypoint the host directory of the image's data directory. */
    static final String DATA_DIR_ENV = "KANISTER_HOOKS_DATA_DIR";
    private static final List<String> REGISTRY_PREFIXES = List.of("docker.io/", "index.docker.io/", "library/");

    private final String repository;
    private final String dataPath;
    private final String dataPathEnv;
    private final String stopSignal;
    private final List<String> readyCheck;

    MappedImage(String repository, String dataPath, String dataPathEnv, String stopSignal, List<String> readyCheck) {
        this.repository = repository;
        this.dataPath = dataPath;
        this.dataPathEnv = dataPathEnv;
        this.stopSignal = stopSignal;
        this.readyCheck = readyCheck;
    }

    /** The mapped image of an image reference ({@code mariadb:10.11}, {@code docker.io/library/postgres}), or null. */
    static MappedImage of(String image) {
        if (image == null) {
            return null;
        }
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        if (name.lastIndexOf(':') > name.lastIndexOf('/')) {
            name = name.substring(0, name.lastIndexOf(':'));
        }
        for (String prefix : REGISTRY_PREFIXES) {
            name = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
        String repositoryName = name;
        return Arrays.stream(values()).filter(m -> m.repository.equals(repositoryName)).findFirst().orElse(null);
    }

    /** Writes every entrypoint script into {@code dir}. */
    static void installEntrypoints(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (MappedImage image : values()) {
            try (InputStream in = MappedImage.class.getResourceAsStream("entrypoints/" + image.repository + ".sh")) {
                if (in == null) {
                    throw new IOException("entrypoint of " + image.repository + " missing from the resources");
                }
                Files.copy(in, image.entrypoint(dir), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    Path entrypoint(Path dir) {
        return dir.resolve(repository + ".sh");
    }

    /** The image's data directory in the container, as the container's environment may set it ({@code PGDATA}). */
    String dataPath(Map<String, String> env) {
        return dataPathEnv != null && env.containsKey(dataPathEnv) ? env.get(dataPathEnv) : dataPath;
    }

    /**
     * The variables the container sees for its data directory's host path: {@link #DATA_DIR_ENV} and the image's own
     * variable, if it has one.
     */
    Map<String, String> dataEnvironment(Path hostDir) {
        return dataPathEnv == null ? Map.of(DATA_DIR_ENV, hostDir.toString())
                : Map.of(DATA_DIR_ENV, hostDir.toString(), dataPathEnv, hostDir.toString());
    }

    /** What every container of the pod gets so that the image's clients reach this pod's server. */
    abstract Map<String, String> clientEnvironment(Path runDir, int port);

    /** Writes what the clients need in the pod's socket directory. */
    void prepareRunDir(Path runDir, int port) throws IOException {
        // nothing by default
    }

    /** Directories of the image's programs that are not on this machine's PATH. */
    List<Path> binaries() {
        return List.of();
    }

    /** Sent to the server on pod deletion (the image's STOPSIGNAL), before KILL at the end of the grace period. */
    String stopSignal() {
        return stopSignal;
    }

    /** Run in the container until it succeeds when the container has no readinessProbe of its own. */
    List<String> readyCheck() {
        return readyCheck;
    }
}
