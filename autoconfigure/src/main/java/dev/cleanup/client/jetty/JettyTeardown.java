package dev.cleanup.client.jetty;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.ConnectionPool;
import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpDestination;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@link Teardown} for a Jetty 12 {@link HttpClient}. A started Jetty client that is
 * never stopped keeps non-daemon threads ({@code HttpClient@<hash>-<id>} and
 * {@code HttpClient@<hash>-scheduler-1} by default) that hold a normal JVM exit.
 * <p>
 * The engine calls the graceful close once no connection of any destination is active, no
 * request is queued and no tracked call is in flight; it stops the client. {@code stop()}
 * closes every connection, failing the calls still in flight, so the forced close is a
 * stop as well, with the client's thread pool given only {@link #FORCED_STOP_TIMEOUT} to
 * end its threads instead of its default of 5 seconds: that time is spent only on threads
 * busy in user code, such as a blocking response listener. Both closes do nothing for a
 * client that is not running.
 * <p>
 * A client cannot stop itself: never call these methods from one of its threads (the
 * engine calls them from threads of its own).
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class JettyTeardown implements Teardown {

	/**
	 * How long a forced close lets the client's thread pool wait for busy threads, half
	 * of it before interrupting them and half after.
	 */
	public static final Duration FORCED_STOP_TIMEOUT = Duration.ofMillis(200);

	private final HttpClient client;

	/**
	 * Create a teardown for the given client.
	 * @param client the client
	 */
	public JettyTeardown(HttpClient client) {
		this.client = client;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		if (!this.client.isRunning()) {
			return true;
		}
		limitThreadPoolStopTimeout(deadline.remaining());
		this.client.stop();
		return true;
	}

	@Override
	public boolean closeForcibly() throws Exception {
		limitThreadPoolStopTimeout(FORCED_STOP_TIMEOUT);
		this.client.stop();
		return true;
	}

	/**
	 * Return the usage summed over the client's destinations: active and idle
	 * connections, queued requests and the destinations' connection limits. A figure that
	 * a destination cannot tell, and the limit while there is no destination, is
	 * {@code -1}; the number in use is then the in-flight count.
	 * @return the usage
	 */
	@Override
	public PoolUsage usage() {
		Sum active = new Sum();
		Sum idle = new Sum();
		Sum queued = new Sum();
		Sum max = new Sum();
		int destinations = 0;
		for (Destination destination : this.client.getDestinations()) {
			destinations++;
			ConnectionPool connectionPool = destination.getConnectionPool();
			if (connectionPool instanceof AbstractConnectionPool pool) {
				active.add(pool.getActiveConnectionCount());
				idle.add(pool.getIdleConnectionCount());
				max.add(pool.getMaxConnectionCount());
			}
			else {
				active.unknown();
				idle.unknown();
				max.unknown();
			}
			if (destination instanceof HttpDestination httpDestination) {
				queued.add(httpDestination.getQueuedRequestCount());
			}
			else {
				queued.unknown();
			}
		}
		return new PoolUsage(active.value(), idle.value(), queued.value(), (destinations > 0) ? max.value() : -1);
	}

	/**
	 * Let the client's own thread pool wait at most the given time for busy threads when
	 * it stops. A pool the client did not create and does not stop is left alone. The
	 * timeout stays at least 1 ms: at 0 the pool does not even wake its idle threads,
	 * which then linger until their idle timeout (60 s by default). The pool keeps the
	 * shorter timeout should the client be started again.
	 */
	private void limitThreadPoolStopTimeout(Duration limit) {
		if (this.client.getExecutor() instanceof QueuedThreadPool threadPool && isStoppedWithClient(threadPool)) {
			long timeout = Math.max(1, Math.min(threadPool.getStopTimeout(), limit.toMillis()));
			threadPool.setStopTimeout(timeout);
		}
	}

	private boolean isStoppedWithClient(Object bean) {
		return isStoppedWith(this.client, bean);
	}

	/**
	 * Whether stopping a container stops a bean: it manages the bean, or manages a
	 * container that does (Jetty 12.1's client connector owns the thread pool; Jetty
	 * 12.0, which Spring Boot 3.5 manages, offers no getter for the connector).
	 */
	private static boolean isStoppedWith(ContainerLifeCycle container, Object bean) {
		if (container.isManaged(bean)) {
			return true;
		}
		for (ContainerLifeCycle child : container.getBeans(ContainerLifeCycle.class)) {
			if (child != container && container.isManaged(child) && isStoppedWith(child, bean)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A sum of figures that turns unknown once one figure is.
	 */
	private static final class Sum {

		private int value;

		void add(int figure) {
			if (this.value >= 0) {
				this.value += figure;
			}
		}

		void unknown() {
			this.value = -1;
		}

		int value() {
			return this.value;
		}

	}

}
