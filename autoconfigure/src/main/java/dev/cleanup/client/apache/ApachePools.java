package dev.cleanup.client.apache;

import dev.cleanup.core.PoolUsage;
import org.apache.hc.core5.pool.ConnPoolControl;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

/**
 * What the classic and async teardowns do alike with an Apache pool: tell its usage and
 * close its idle connections.
 *
 * @author cleanup contributors
 */
final class ApachePools {

	private ApachePools() {
	}

	static PoolUsage usage(@Nullable ConnPoolControl<?> pool) {
		if (pool == null) {
			return PoolUsage.UNKNOWN;
		}
		PoolStats stats = pool.getTotalStats();
		return new PoolUsage(stats.getLeased(), stats.getAvailable(), stats.getPending(), stats.getMax());
	}

	static int evictIdle(@Nullable ConnPoolControl<?> pool) {
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
