package io.kanisterhooks.hooks.claims;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.kube.ApiRetries;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A run's claims on its namespaces, so that two runs never interleave quiesce and unquiesce in one namespace (K10
 * locks a namespace for the length of an action). A claim is a {@code coordination.k8s.io/v1} Lease named
 * {@value #LEASE_NAME} in the claimed namespace, held by the run id: creating it is the atomic test-and-set, and every
 * kanister-hooks run sees it, whatever its home namespace. A live process renews its claims; a claim that nothing
 * renewed within its time to live is stale, and its run can be recovered.
 *
 * <p>Taking several claims never holds some while waiting for others (that could deadlock two runs that each wait
 * for the other's namespaces): when a claim is held by another live run, every claim taken so far is given back, and
 * the whole set is tried again after a pause, until {@code lockWait} is spent.
 */
public final class NamespaceClaims implements AutoCloseable {

    public static final String LEASE_NAME = "kanister-hooks-claim";
    static final String ANNOTATION_HOME = "kanister-hooks.io/home-namespace";
    static final String ANNOTATION_STATE_FILE = "kanister-hooks.io/state-file";
    static final String ANNOTATION_HOST = "kanister-hooks.io/host";
    static final String ANNOTATION_BUILD_URL = "kanister-hooks.io/build-url";
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Duration REQUEST_BUDGET = Duration.ofMinutes(1);

    /** Who claims: the run, where its state lives, and this process' host and build. */
    public record Holder(String runId, String homeNamespace, String stateFile, String host, String buildUrl) {
    }

    /**
     * What to do with another run's claim that stands in the way: a stale one (expired) is recovered, or refused; a
     * live one is looked at too, since its run may have finished without giving it back (killed right after the end).
     */
    public interface OtherClaims {
        /** A stale claim: recover its run (which gives the claim back), or throw. */
        void stale(Claim claim) throws ClaimException;

        /** A live claim: true when it was a leftover and is gone now. */
        boolean leftover(Claim claim) throws ClaimException;
    }

    private final Kube kube;
    private final Holder holder;
    private final Duration ttl;
    /** Claims this run holds now: namespace → resourceVersion of the Lease as last written. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private volatile boolean ownClaimsExpected;
    private final ExecutorService pool;
    private ScheduledExecutorService renewer;

    public NamespaceClaims(Kube kube, Holder holder, Duration ttl, int parallelism) {
        this.kube = kube;
        this.holder = holder;
        this.ttl = ttl;
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "claims");
            t.setDaemon(true);
            return t;
        });
    }

    /** The claim on {@code namespace}, if any (for {@code runs list} and messages). */
    public static Optional<Claim> read(Kube kube, String namespace) throws KubeException {
        try {
            return Optional.of(claim(namespace, ApiRetries.call(REQUEST_BUDGET, () -> kube.getObject(
                    "coordination.k8s.io", "v1", "leases", namespace, LEASE_NAME))));
        } catch (KubeException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes a claim that no run will give back (its run state is gone, or the run had finished). */
    public static void forget(Kube kube, Claim claim) throws KubeException {
        try {
            kube.send("DELETE", Kube.path("coordination.k8s.io", "v1", "leases", claim.namespace(), LEASE_NAME),
                    "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\""
                            + claim.resourceVersion() + "\"}}", "application/json", "release the stale claim on "
                            + "namespace " + claim.namespace());
        } catch (KubeException e) {
            if (!e.notFound() && !e.conflict()) {
                throw e;
            }
        }
    }

    /**
     * Claims every namespace (or renews this run's own claims). A stale claim of another run goes to {@code stale};
     * a live one makes this fail at once, or after {@code lockWait} when that is positive.
     *
     * @param say progress for the console (waiting, recovering)
     */
    public void acquire(List<String> namespaces, Duration lockWait, OtherClaims others, Consumer<String> say)
            throws ClaimException, KubeException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        boolean announced = false;
        while (true) {
            List<Claim> blocking = tryAll(namespaces);
            List<Claim> live = new ArrayList<>();
            for (Claim c : blocking) {
                try {
                    if (c.expired(Instant.now())) {
                        others.stale(c);
                    } else if (!others.leftover(c)) {
                        live.add(c);
                    }
                } catch (ClaimException | RuntimeException e) {
                    releaseAll();
                    throw e;
                }
            }
            if (blocking.isEmpty()) {
                return;
            }
            if (live.isEmpty()) {
                continue; // the stale runs were recovered, the leftovers given back: try again at once
            }
            releaseAll(); // never hold some claims while waiting for others
            if (System.nanoTime() >= deadline) {
                throw new ClaimException(heldMessage(live) + (lockWait.isZero() ? "; wait for it with --lock-wait "
                        + "DURATION" : "; waited " + lockWait.toSeconds() + "s") + ". A run holds its namespaces from "
                        + "before its preHook until its post hooks ended (see `kanister-hooks runs list`).");
            }
            if (!announced) {
                say.accept(heldMessage(live) + "; waiting up to " + lockWait.toSeconds() + "s for it to end");
                announced = true;
            }
            Cancellation.none().sleep(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMillis(deadline
                    - System.nanoTime()), 1000 + ThreadLocalRandom.current().nextLong(1000))));
        }
    }

    private static String heldMessage(List<Claim> live) {
        Claim first = live.get(0);
        return "namespace " + first.namespace() + " is claimed by " + first.describeHolder() + " until "
                + first.expires() + (live.size() > 1 ? " (and " + (live.size() - 1) + " more namespace"
                + (live.size() > 2 ? "s" : "") + ")" : "");
    }

    /** Tries to claim every namespace not held yet; returns the claims of other runs that stood in the way. */
    private List<Claim> tryAll(List<String> namespaces) throws KubeException {
        List<Future<Optional<Claim>>> tries = new ArrayList<>();
        for (String ns : namespaces) {
            if (!held.containsKey(ns)) {
                tries.add(pool.submit(() -> tryOne(ns)));
            }
        }
        List<Claim> blocking = new ArrayList<>();
        KubeException failure = null;
        for (Future<Optional<Claim>> f : tries) {
            try {
                f.get().ifPresent(blocking::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeException("interrupted while claiming namespaces");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof KubeException k && failure == null) {
                    failure = k;
                } else if (!(e.getCause() instanceof KubeException)) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            releaseAll();
            throw failure;
        }
        return blocking;
    }

    /**
     * A later invocation of a run (hooks post, hooks pre after a stage retry) finds its claims in place: read each
     * first instead of trying to create it, which would cost a failed create per namespace.
     */
    public void expectOwnClaims() {
        ownClaimsExpected = true;
    }

    /** Empty when the namespace is now claimed by this run; else the other run's claim. */
    private Optional<Claim> tryOne(String namespace) throws KubeException {
        if (ownClaimsExpected) {
            Optional<Claim> existing = read(kube, namespace);
            if (existing.isPresent()) {
                return takeOver(namespace, existing.get());
            }
        }
        String path = Kube.path("coordination.k8s.io", "v1", "leases", namespace, null);
        try {
            Map<String, Object> created = ApiRetries.call(REQUEST_BUDGET, () -> kube.request("POST", path,
                    lease(namespace, null, Instant.now(), Instant.now()), null,
                    "claim namespace " + namespace + " (create lease " + LEASE_NAME + ")"));
            held.put(namespace, JsonObjects.string(created, "metadata", "resourceVersion"));
            return Optional.empty();
        } catch (KubeException e) {
            if (!e.conflict()) {
                throw e;
            }
        }
        Optional<Claim> existing = read(kube, namespace);
        if (existing.isEmpty()) {
            return tryOne(namespace); // given back meanwhile
        }
        return takeOver(namespace, existing.get());
    }

    /** Renews {@code c} when it is this run's own claim; else returns it as the claim in the way. */
    private Optional<Claim> takeOver(String namespace, Claim c) throws KubeException {
        if (!c.runId().equals(holder.runId())) {
            return Optional.of(c);
        }
        held.put(namespace, c.resourceVersion()); // this run's own claim (a later invocation of the run)
        try {
            renew(namespace, c.resourceVersion());
            return Optional.empty();
        } catch (KubeException e) {
            held.remove(namespace);
            if (e.conflict()) {
                return tryOne(namespace);
            }
            throw e;
        }
    }

    /** Starts renewing the claims held, every third of their time to live (at most every minute). */
    public synchronized void keepRenewed() {
        if (renewer != null) {
            return;
        }
        long every = Math.max(1000, Math.min(60_000, ttl.toMillis() / 3));
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claim-renewal");
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Renews every claim held now, e.g. when handing the run over to a later invocation. */
    public void renewAll() {
        List<Future<?>> renewals = new ArrayList<>();
        for (String ns : List.copyOf(held.keySet())) {
            renewals.add(pool.submit(() -> {
                try {
                    String rv = held.get(ns);
                    if (rv != null) {
                        renew(ns, rv);
                    }
                } catch (KubeException e) {
                    // the next renewal tries again; a claim lost to a forced recovery stays lost
                }
                return null;
            }));
        }
        await(renewals);
    }

    private void renew(String namespace, String resourceVersion) throws KubeException {
        Map<String, Object> updated = ApiRetries.call(REQUEST_BUDGET, () -> kube.request("PUT",
                Kube.path("coordination.k8s.io", "v1", "leases", namespace, LEASE_NAME),
                lease(namespace, resourceVersion, null, Instant.now()), null, "renew the claim on namespace "
                        + namespace));
        String rv = JsonObjects.string(updated, "metadata", "resourceVersion");
        // a renewal that overtook a release must not bring the claim back: release deletes by the newest version
        if (held.replace(namespace, rv) == null) {
            releaseVersion(namespace, rv);
        }
    }

    /** Gives the claim on {@code namespace} back (only if this run still holds it). */
    public void release(String namespace) {
        String rv = held.remove(namespace);
        if (rv != null) {
            releaseVersion(namespace, rv);
        }
    }

    private void releaseVersion(String namespace, String rv) {
        try {
            ApiRetries.call(REQUEST_BUDGET, () -> {
                kube.send("DELETE", Kube.path("coordination.k8s.io", "v1", "leases", namespace, LEASE_NAME),
                        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\""
                                + rv + "\"}}", "application/json", "release the claim on namespace " + namespace);
                return null;
            });
        } catch (KubeException e) {
            if (e.conflict()) {
                releaseIfOurs(namespace);
            }
            // 404: already gone; anything else: the claim expires by itself
        }
    }

    /** After a conflict: the Lease changed; delete it if it is still this run's. */
    private void releaseIfOurs(String namespace) {
        try {
            Optional<Claim> c = read(kube, namespace);
            if (c.isPresent() && c.get().runId().equals(holder.runId())) {
                held.put(namespace, c.get().resourceVersion());
                release(namespace);
            }
        } catch (KubeException e) {
            // the claim expires by itself
        }
    }

    /** Gives back every claim held. */
    public void releaseAll() {
        List<Future<?>> releases = new ArrayList<>();
        for (String ns : List.copyOf(held.keySet())) {
            releases.add(pool.submit(() -> {
                release(ns);
                return null;
            }));
        }
        await(releases);
    }

    /**
     * Takes over the claims of a run being recovered: claims of {@code runId} this holder (the same run) may
     * renew and release.
     */
    public void adopt(String namespace, Claim claim) {
        if (claim.runId().equals(holder.runId())) {
            held.put(namespace, claim.resourceVersion());
        }
    }

    public List<String> held() {
        return List.copyOf(held.keySet());
    }

    private String lease(String namespace, String resourceVersion, Instant acquired, Instant renewed) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        put(annotations, ANNOTATION_HOME, holder.homeNamespace());
        put(annotations, ANNOTATION_STATE_FILE, holder.stateFile());
        put(annotations, ANNOTATION_HOST, holder.host());
        put(annotations, ANNOTATION_BUILD_URL, holder.buildUrl());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", LEASE_NAME);
        metadata.put("namespace", namespace);
        metadata.put("labels", Map.of(Kube.MANAGED_BY, Kube.MANAGED_BY_VALUE, "kanister-hooks.io/run",
                holder.runId()));
        metadata.put("annotations", annotations);
        if (resourceVersion != null) {
            metadata.put("resourceVersion", resourceVersion);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("holderIdentity", holder.runId());
        spec.put("leaseDurationSeconds", Math.max(1, ttl.toSeconds()));
        if (acquired != null) {
            spec.put("acquireTime", MICRO_TIME.format(acquired));
        }
        spec.put("renewTime", MICRO_TIME.format(renewed));
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("apiVersion", "coordination.k8s.io/v1");
        lease.put("kind", "Lease");
        lease.put("metadata", metadata);
        lease.put("spec", spec);
        return JsonObjects.json(lease);
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    static Claim claim(String namespace, Map<String, Object> lease) {
        Object duration = JsonObjects.path(lease, "spec", "leaseDurationSeconds");
        return new Claim(namespace, JsonObjects.string(lease, "spec", "holderIdentity"),
                JsonObjects.string(lease, "metadata", "annotations", ANNOTATION_HOME),
                JsonObjects.string(lease, "metadata", "annotations", ANNOTATION_STATE_FILE),
                JsonObjects.string(lease, "metadata", "annotations", ANNOTATION_HOST),
                JsonObjects.string(lease, "metadata", "annotations", ANNOTATION_BUILD_URL),
                time(JsonObjects.string(lease, "spec", "renewTime")),
                Duration.ofSeconds(duration instanceof Number n ? n.longValue() : 0),
                JsonObjects.string(lease, "metadata", "resourceVersion"));
    }

    private static Instant time(String microTime) {
        try {
            return microTime == null ? null : Instant.parse(microTime);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // each task handles its own failures
            }
        }
    }

    /** Stops renewing; the claims stay (a later invocation of the run renews or releases them). */
    @Override
    public synchronized void close() {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
        pool.shutdownNow();
    }
}
