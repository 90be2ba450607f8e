package dev.cleanup.client.apache;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.pool.ConnPoolControl;

/**
 * {@link Teardown} for an Apache HttpClient 5 connection manager that is a bean of its
 * own, handed to clients that share it (Spring Cloud OpenFeign's
 * {@code hc5ConnectionManager} is one). Its leased connections hold the drain; it closes
 * in the dispose stage, after the clients that use it, gracefully once nothing is leased,
 * {@link CloseMode#IMMEDIATE immediately} when forced.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ApacheConnectionManagerTeardown implements Teardown {

	private final ConnPoolControl<?> pool;

	private final ModalCloseable closeable;

	/**
	 * Create a teardown for a classic or async pooling connection manager.
	 * @param <M> the manager type
	 * @param manager the manager
	 */
	public <M extends ConnPoolControl<?> & ModalCloseable> ApacheConnectionManagerTeardown(M manager) {
		this.pool = manager;
		this.closeable = manager;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) {
		this.closeable.close(CloseMode.GRACEFUL);
		return true;
	}

	@Override
	public boolean closeForcibly() {
		this.closeable.close(CloseMode.IMMEDIATE);
		return true;
	}

	@Override
	public PoolUsage usage() {
		return ApachePools.usage(this.pool);
	}

	@Override
	public int evictIdleConnections() {
		return ApachePools.evictIdle(this.pool);
	}

}
