package dev.cleanup.client.apache;

import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

/**
 * Closes the idle connections of an Apache pool, classic or async, and counts them.
 *
 * @author cleanup contributors
 */
final class IdleConnections {

	private IdleConnections() {
	}

	static int evict(@Nullable ConnPoolControl<?> pool) {
		if (pool == null) {
			return 0;
		}
		try {
			int before = pool.getTotalStats().getAvailable();
			pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
			return Math.max(0, before - pool.getTotalStats().getAvailable());
		}
		catch (IllegalStateException ex) {
			// the pool was shut down meanwhile: nothing idle is left
			return 0;
		}
	}

}
