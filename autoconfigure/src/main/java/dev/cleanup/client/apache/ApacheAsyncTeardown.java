package dev.cleanup.client.apache;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

/**
 * {@link Teardown} for an Apache HttpClient 5 {@link CloseableHttpAsyncClient}.
 * <p>
 * The engine calls the graceful close once nothing of the client is in use; it closes the
 * client gracefully: Apache then shuts its I/O reactor down, giving it up to 5 seconds of
 * its own. That wait is not ours to bound, but an interrupt (which the engine sends when
 * the deadline passes) turns it into an immediate close.
 * <p>
 * The forced close closes the connection manager {@link CloseMode#IMMEDIATE immediately},
 * which fails the calls in flight, then shuts the client's I/O reactor down, giving it
 * {@link #FORCED_SHUTDOWN_WAIT} to tell their callers before closing it immediately.
 * Closing the client immediately at once would stop the reactor before the callers are
 * told, and their futures would never complete. Without a known manager that is what
 * happens: the forced close still stops the client, but the callers of calls in flight
 * are left to their own timeouts.
 * <p>
 * What is in use comes from the connection manager's statistics when the manager is
 * known. A known manager is closed with its client.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ApacheAsyncTeardown implements Teardown {

	/**
	 * How long a forced close waits for the client's I/O reactor to end on its own, once
	 * the connection manager is closed, before closing it immediately.
	 */
	public static final Duration FORCED_SHUTDOWN_WAIT = Duration.ofMillis(500);

	private final CloseableHttpAsyncClient client;

	private final @Nullable PoolingAsyncClientConnectionManager connectionManager;

	/**
	 * Create a teardown for the given client.
	 * @param client the client
	 * @param connectionManager the client's connection manager, or {@code null} if
	 * unknown
	 */
	public ApacheAsyncTeardown(CloseableHttpAsyncClient client,
			@Nullable PoolingAsyncClientConnectionManager connectionManager) {
		this.client = client;
		this.connectionManager = connectionManager;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws InterruptedException {
		close(CloseMode.GRACEFUL);
		closeConnectionManager(CloseMode.GRACEFUL);
		return true;
	}

	@Override
	public boolean closeForcibly() throws InterruptedException {
		closeConnectionManager(CloseMode.IMMEDIATE);
		close(CloseMode.IMMEDIATE);
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

	private void close(CloseMode mode) throws InterruptedException {
		if (mode == CloseMode.IMMEDIATE) {
			this.client.initiateShutdown();
			this.client.awaitShutdown(TimeValue.ofMilliseconds(FORCED_SHUTDOWN_WAIT.toMillis()));
		}
		this.client.close(mode);
	}

	private void closeConnectionManager(CloseMode mode) {
		if (this.connectionManager != null && !this.connectionManager.isClosed()) {
			this.connectionManager.close(mode);
		}
	}

}
