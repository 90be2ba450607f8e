package dev.cleanup.client.apache;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

/**
 * {@link Teardown} for an Apache HttpClient 5 {@link CloseableHttpAsyncClient}, or for
 * something that owns one and closes it gracefully, such as Spring's
 * {@code HttpComponentsClientHttpConnector}.
 * <p>
 * The graceful close waits until nothing of the client is in use, then closes it
 * gracefully: Apache then shuts its I/O reactor down, giving it up to 5 seconds of its
 * own. That wait is not ours to bound, but an interrupt (which the engine sends when the
 * deadline passes) turns it into an immediate close.
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
 * known, and from the given {@link InFlightSource} in any case. A known manager is closed
 * with its client; do not pass one that other clients share.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ApacheAsyncTeardown implements Teardown {

	/**
	 * How long a forced close waits for the client's I/O reactor to end on its own, once
	 * the connection manager is closed, before closing it immediately.
	 */
	public static final Duration FORCED_SHUTDOWN_WAIT = Duration.ofMillis(500);

	private final ClientCloser closer;

	private final @Nullable PoolingAsyncClientConnectionManager connectionManager;

	private final InFlightSource inFlight;

	/**
	 * Create a teardown for the given client.
	 * @param client the client
	 * @param connectionManager the client's connection manager, or {@code null} if
	 * unknown
	 * @param inFlight the calls of this client in flight, {@code () -> 0} if not tracked
	 */
	public ApacheAsyncTeardown(CloseableHttpAsyncClient client,
			@Nullable PoolingAsyncClientConnectionManager connectionManager, InFlightSource inFlight) {
		this((mode) -> close(client, mode), connectionManager, inFlight);
	}

	private ApacheAsyncTeardown(ClientCloser closer, @Nullable PoolingAsyncClientConnectionManager connectionManager,
			InFlightSource inFlight) {
		this.closer = closer;
		this.connectionManager = connectionManager;
		this.inFlight = inFlight;
	}

	/**
	 * Create a teardown for something that owns an async client and whose {@code close()}
	 * closes that client gracefully, such as Spring's
	 * {@code HttpComponentsClientHttpConnector}, which does not expose its client. Such
	 * an owner can only close gracefully, so the forced close relies on the connection
	 * manager: it closes the manager immediately, which fails the calls in flight, and
	 * then the owner, which then finds nothing to wait for. Without a manager the forced
	 * close can only close the owner, and Apache then waits up to 5 seconds for calls in
	 * flight, longer than the engine waits for a forced close.
	 * @param clientOwner closes the client gracefully
	 * @param connectionManager the client's connection manager, or {@code null} if
	 * unknown
	 * @param inFlight the calls of this client in flight, {@code () -> 0} if not tracked
	 * @return the teardown
	 */
	public static ApacheAsyncTeardown forClientOwner(Closeable clientOwner,
			@Nullable PoolingAsyncClientConnectionManager connectionManager, InFlightSource inFlight) {
		return new ApacheAsyncTeardown((mode) -> clientOwner.close(), connectionManager, inFlight);
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws InterruptedException, IOException {
		if (!deadline.await(this::isIdle)) {
			return false;
		}
		this.closer.close(CloseMode.GRACEFUL);
		closeConnectionManager(CloseMode.GRACEFUL);
		return true;
	}

	@Override
	public boolean closeForcibly() throws IOException, InterruptedException {
		closeConnectionManager(CloseMode.IMMEDIATE);
		this.closer.close(CloseMode.IMMEDIATE);
		return true;
	}

	@Override
	public int evictIdleConnections() {
		return ApachePools.evictIdle(this.connectionManager);
	}

	@Override
	public PoolUsage usage() {
		return ApachePools.usage(this.connectionManager, this.inFlight);
	}

	private boolean isIdle() {
		return ApachePools.isIdle(this.connectionManager, this.inFlight);
	}

	private static void close(CloseableHttpAsyncClient client, CloseMode mode) throws InterruptedException {
		if (mode == CloseMode.IMMEDIATE) {
			client.initiateShutdown();
			client.awaitShutdown(TimeValue.ofMilliseconds(FORCED_SHUTDOWN_WAIT.toMillis()));
		}
		client.close(mode);
	}

	private void closeConnectionManager(CloseMode mode) {
		if (this.connectionManager != null && !this.connectionManager.isClosed()) {
			this.connectionManager.close(mode);
		}
	}

	/**
	 * Closes the client, directly or through its owner.
	 */
	@FunctionalInterface
	private interface ClientCloser {

		void close(CloseMode mode) throws IOException, InterruptedException;

	}

}
