package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.ClusterDir;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every pod of the simulated node shares: the API, the thread pools, the cluster's files and the simulator's own
 * user.
 */
record NodeContext(ApiClient client, CoreV1Api api, ExecutorService workers, ScheduledExecutorService timers,
        ClusterDir dir, String apiServerUrl, String caPem, RunAs.Self self) {}
