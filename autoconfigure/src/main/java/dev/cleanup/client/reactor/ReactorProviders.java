package dev.cleanup.client.reactor;

import dev.cleanup.client.PrivateField;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpResources;

/**
 * Finds the connection provider a Reactor Netty client was given, without creating the
 * global resources.
 *
 * @author cleanup contributors
 */
final class ReactorProviders {

	private static final String OFF = "Finding the connection provider of a Reactor Netty client now creates "
			+ "Reactor Netty's global resources at startup, where plain Boot creates them at the first call";

	private static final PrivateField CONFIGURED_PROVIDER = new PrivateField(
			"reactor.netty.transport.ClientTransportConfig", "connectionProvider", OFF);

	private static final PrivateField HTTP1_PROVIDER = new PrivateField(
			"reactor.netty.http.client.HttpConnectionProvider", "http1ConnectionProvider", OFF);

	private ReactorProviders() {
	}

	/**
	 * Return the provider an HTTP client was given, or {@code null} when it uses the
	 * global resources. The public {@code configuration().connectionProvider()} answers
	 * too, but for a client without a provider of its own it creates the global resources
	 * (event loops and pool) at once, at startup, where plain Boot creates them at the
	 * first call. So the provider the client was configured with is read instead: Reactor
	 * Netty's package-private {@code HttpConnectionProvider}, whose
	 * {@code http1ConnectionProvider} is {@code null} for the global one. Where that
	 * cannot be read, the public answer is taken.
	 * @param client the client
	 * @return its own provider, or {@code null} for the global one
	 */
	static @Nullable ConnectionProvider ownProvider(HttpClient client) {
		HttpClientConfig config = client.configuration();
		Object configured = CONFIGURED_PROVIDER.read(config);
		if (configured != null && HTTP1_PROVIDER.declaredBy(configured)) {
			if (HTTP1_PROVIDER.canRead(configured)) {
				return (ConnectionProvider) HTTP1_PROVIDER.read(configured);
			}
		}
		else if (configured instanceof ConnectionProvider provider) {
			return (provider instanceof TcpResources) ? null : provider;
		}
		ConnectionProvider provider = config.connectionProvider();
		return (provider instanceof TcpResources) ? null : provider;
	}

}
