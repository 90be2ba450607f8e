package dev.cleanup.client.apache;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

/**
 * {@link Teardown} for a classic Apache HttpClient 5 {@link CloseableHttpClient}.
 * <p>
 * Apache's {@link CloseMode#GRACEFUL graceful} close does not wait for calls in flight:
 * it discards leased connections, so their callers fail. The graceful close therefore
 * first waits until nothing of the client is in use, then closes it. The forced close
 * closes {@link CloseMode#IMMEDIATE immediately}, which makes callers of calls still in
 * flight fail at once.
 * <p>
 * What is in use comes from the connection manager's statistics when the manager is known
 * (Boot exposes it only while the client is being built), and from the given
 * {@link dev.cleanup.core.InFlightSource} in any case. A known manager is closed with its
 * client; do not pass one that other clients share.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ApacheClassicTeardown implements Teardown {

	private final CloseableHttpClient client;

	private final @Nullable PoolingHttpClientConnectionManager connectionManager;

	/**
	 * Create a teardown for the given client.
	 * @param client the client
	 * @param connectionManager the client's connection manager, or {@code null} if
	 * unknown
	 */
	public ApacheClassicTeardown(CloseableHttpClient client,
			@Nullable PoolingHttpClientConnectionManager connectionManager) {
		this.client = client;
		this.connectionManager = connectionManager;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) {
		this.client.close(CloseMode.GRACEFUL);
		return true;
	}

	@Override
	public boolean closeForcibly() {
		this.client.close(CloseMode.IMMEDIATE);
		return true;
	}

	@Override
	public int evictIdleConnections() {
		return ApachePools.evictIdle(this.connectionManager);
	}

	@Override
	public PoolUsage usage() {
		return ApachePools.usage(this.connectionManager);
	}

}
