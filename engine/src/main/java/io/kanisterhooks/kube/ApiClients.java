package io.kanisterhooks.kube;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.auth.ApiKeyAuth;
import io.kubernetes.client.util.ClientBuilder;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Builds an {@link ApiClient} from a {@link ClientBuilder}'s settings as {@link ClientBuilder#build()} does, without
 * loading the JVM's trust store when the kubeconfig names its own certificate authority.
 *
 * <p>Why: {@code ClientBuilder.build()} starts from {@code new ApiClient()}, whose OkHttp client loads the JVM's
 * default trust store ({@code cacerts}, ~150 certificates), and then turns on verification before it sets the
 * kubeconfig's CA, which loads it again. That was ~0.2 s of every CLI start that talks to a cluster (README, CLI
 * start-up), spent on certificates that are then replaced. Here the client starts from an OkHttp client with a TLS
 * context of its own, verification stays off until the CA is set, and only then is it turned on: the CA is what it
 * trusts, as with {@code ClientBuilder}. Without a CA in the kubeconfig the JVM's trust store is used, as there.
 */
final class ApiClients {

    /** The name under which client-java's API calls look up their credentials. */
    private static final String BEARER_TOKEN = "BearerToken";

    private ApiClients() {
    }

    /**
     * @param settings base path, authentication, protocols and ping interval ({@link ClientBuilder#kubeconfig} or
     *     {@link ClientBuilder#cluster})
     * @param certificateAuthority the PEM bytes of the CA the server's certificate must chain to, or null for the
     *     JVM's trust store
     * @param readTimeout {@link Duration#ZERO} for none
     */
    static ApiClient build(ClientBuilder settings, byte[] certificateAuthority, boolean verifyTls,
                           Duration readTimeout) throws GeneralSecurityException {
        ApiClient client = new ApiClient(new OkHttpClient.Builder()
                .sslSocketFactory(untrustingContext().getSocketFactory(), UNTRUSTING)
                .protocols(settings.getProtocols())
                .readTimeout(readTimeout)
                .pingInterval(settings.getPingInterval())
                .build());
        String base = settings.getBasePath();
        client.setBasePath(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        // Off while the rest is set: each change below rebuilds the TLS settings, and with verification on and no CA
        // yet, that would load the JVM's trust store. The CA stream is read only once verification is on.
        client.setVerifyingSsl(false);
        if (settings.getAuthentication() != null) {
            settings.getAuthentication().provide(client); // a client certificate sets key managers: a rebuild
        }
        if (certificateAuthority != null) {
            client.setSslCaCert(new ByteArrayInputStream(certificateAuthority));
        }
        client.setVerifyingSsl(verifyTls);
        return client;
    }

    /**
     * A client that shares {@code base}'s connections, with a read timeout of its own: the same OkHttp settings (TLS,
     * client certificate, interceptors such as the token refresh), connection pool and dispatcher, and the same
     * credentials for the API's calls. Why: two clients built each from its own OkHttp client open two connections
     * to the API server, and each costs a fresh CLI a TLS handshake (≈ 0.05 s) and a TLS context of its own; over
     * HTTP/2 one connection carries the requests and the streams together (OkHttp opens another only when the
     * server's limit of concurrent streams is reached).
     */
    static ApiClient sharingConnections(ApiClient base, Duration readTimeout) {
        ApiClient client = new ApiClient(base.getHttpClient().newBuilder().readTimeout(readTimeout).build());
        client.setBasePath(base.getBasePath());
        // What Authentication.provide set on the API client itself rather than on its HTTP client: the value the
        // API's calls send as "BearerToken" (a token with prefix Bearer, or a user and password with prefix Basic).
        if (base.getAuthentication(BEARER_TOKEN) instanceof ApiKeyAuth credentials) {
            client.setApiKey(credentials.getApiKey());
            client.setApiKeyPrefix(credentials.getApiKeyPrefix());
        }
        return client;
    }

    /** Placeholder until the real TLS settings are applied: trusts no server, so it can never connect by mistake. */
    private static final X509TrustManager UNTRUSTING = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client is trusted");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the client's TLS settings were not applied");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private static SSLContext untrustingContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {UNTRUSTING}, null);
        return context;
    }
}
