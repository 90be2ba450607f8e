package dev.cleanup.core;

import org.jspecify.annotations.Nullable;

/**
 * How to close one participant. The engine waits, until the graceful deadline, for the
 * participant to be idle (no tracked call in flight, and {@link #usage()} showing nothing
 * in use or pending) and only then calls {@link #closeGracefully(Deadline)}; if it never
 * becomes idle, the engine calls {@link #closeForcibly()} instead. Implementations need
 * not be thread-safe against themselves: the engine calls each method from one thread at
 * a time, but it may call {@link #closeForcibly()} while an abandoned
 * {@link #closeGracefully(Deadline)} still runs on another thread.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface Teardown {

	/**
	 * Close gracefully, once the participant is idle: let work the engine cannot see
	 * finish until the deadline, then close. The engine interrupts this method when the
	 * deadline passes and abandons it if it does not return.
	 * @param deadline when the graceful close must have finished
	 * @return {@code true} if closed gracefully, {@code false} if work was still in
	 * progress when the deadline passed (the engine then forces the close)
	 * @throws Exception if closing failed
	 */
	boolean closeGracefully(Deadline deadline) throws Exception;

	/**
	 * Close at once, cutting work still in progress. Must return quickly.
	 * @return {@code true} if a forced close was done, {@code false} if this participant
	 * cannot be forced
	 * @throws Exception if closing failed
	 */
	default boolean closeForcibly() throws Exception {
		return false;
	}

	/**
	 * Return what the pool itself knows of its usage; where it cannot tell the number in
	 * use, the participant's tracked calls stand in for it. Must be cheap and must not
	 * block.
	 * @return the usage, {@link PoolUsage#UNKNOWN} if nothing is known
	 */
	default PoolUsage usage() {
		return PoolUsage.UNKNOWN;
	}

	/**
	 * Close the pool's idle connections now, for the endpoint's emergency cleanup. Must
	 * not touch connections in use and must return quickly.
	 * @return the number of idle connections closed, {@code 0} if this pool cannot
	 */
	default int evictIdleConnections() {
		return 0;
	}

	/**
	 * Return a short note on how the last graceful close went, for the shutdown report,
	 * for example the quiet period an event loop group was given.
	 * @return the note or {@code null}
	 */
	default @Nullable String closeNote() {
		return null;
	}

	/**
	 * Adapt an {@link AutoCloseable}: its {@code close()} is the graceful close, and it
	 * cannot be forced.
	 * @param closeable the closeable
	 * @return the teardown
	 */
	static Teardown of(AutoCloseable closeable) {
		return (deadline) -> {
			closeable.close();
			return true;
		};
	}

}
