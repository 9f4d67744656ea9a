package io.kanisterhooks.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How one exec connection ends: the status channel decides the outcome, and a connection that fails after the status
 * arrived (the server closing before the client's close reply went out) does not turn a finished command into an
 * error; one that fails before it does.
 */
class PodExecSessionTest {

    private static final String SUCCESS = "{\"metadata\":{},\"status\":\"Success\"}";
    private static final String EXIT_5 = "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated "
            + "with non-zero exit code: exit status 5\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":"
            + "[{\"reason\":\"ExitCode\",\"message\":\"5\"}]}}";

    private final List<String> out = new ArrayList<>();
    private final PodExec.Session session = new PodExec.Session(out::add, line -> { });

    @Test
    void aStatusThatArrivedWinsOverTheConnectionFailingAfterIt() throws Exception {
        message(PodExec.STDOUT, "done\n");
        message(PodExec.STATUS, SUCCESS);
        session.failure(new SocketException("Connection or outbound has closed"));
        session.close();

        assertThat(session.result.get()).isNull();
        assertThat(out).containsExactly("done");
    }

    @Test
    void aNonZeroExitStaysTheOutcomeWhenTheConnectionFailsAfterIt() throws Exception {
        message(PodExec.STATUS, EXIT_5);
        session.failure(new SocketException("Connection or outbound has closed"));
        session.close();

        assertThat(session.result.get()).isEqualTo("command terminated with exit code 5");
    }

    @Test
    void aConnectionThatFailsBeforeTheStatusIsTheError() throws Exception {
        message(PodExec.STDOUT, "partial\n");
        session.failure(new SocketException("Connection reset"));
        session.close();

        assertThat(session.result.get()).isEqualTo("Connection reset");
    }

    private void message(int channel, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[data.length + 1];
        frame[0] = (byte) channel;
        System.arraycopy(data, 0, frame, 1, data.length);
        session.bytesMessage(new ByteArrayInputStream(frame));
    }
}
