package dev.cleanup.core;

/**
 * What a participant can tell about its pool. A figure it cannot tell is {@code -1}.
 *
 * @param inUse connections or calls in use
 * @param idle idle connections
 * @param pending callers waiting for a connection
 * @param max the most connections the pool allows
 * @author cleanup contributors
 * @since 0.1.0
 */
public record PoolUsage(int inUse, int idle, int pending, int max) {

	/**
	 * Usage of a participant that can tell nothing.
	 */
	public static final PoolUsage UNKNOWN = new PoolUsage(-1, -1, -1, -1);

	/**
	 * Return usage where only the number in use is known.
	 * @param inUse the number in use
	 * @return the usage
	 */
	public static PoolUsage inUse(int inUse) {
		return new PoolUsage(inUse, -1, -1, -1);
	}

	/**
	 * Whether something is known to be in use or waiting.
	 * @return {@code true} if in use or pending is above zero
	 */
	public boolean isBusy() {
		return this.inUse > 0 || this.pending > 0;
	}

}
