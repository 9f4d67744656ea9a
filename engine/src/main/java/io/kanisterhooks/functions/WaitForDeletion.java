package io.kanisterhooks.functions;

import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.kube.ObjectWatch;
import io.kanisterhooks.kube.WatchSet;

/**
 * Waits until an object is gone (KubeOps delete, DeleteCSISnapshot), with no timeout but the action's: Kanister polls
 * with GETs until NotFound, and fails at once on any other error. Here the object is watched.
 */
final class WaitForDeletion {

    private WaitForDeletion() {
    }

    static void await(PhaseContext ctx, String group, String version, String resource, String namespace, String name)
            throws PhaseException, CancelledException {
        try (WatchSet watches = new WatchSet(ctx.kube())) {
            ObjectWatch object = watches.object(group, version, resource, namespace, name);
            watches.await(() -> {
                ObjectWatch.View v = object.view();
                if (v.failure() != null) {
                    if (v.failure().notFound()) {
                        return Boolean.TRUE; // the resource is not even served: nothing of it exists
                    }
                    if (v.failure().status() != 0) {
                        throw new PhaseException(v.failure().getMessage());
                    }
                    return null; // connection lost: the watch resumes
                }
                return v.single() == null ? Boolean.TRUE : null;
            }, ctx.cancellation());
        }
    }
}
