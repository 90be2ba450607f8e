package dev.cleanup.core;

import java.util.List;

/**
 * Something that knows how many outbound calls are in flight; the drain stage waits until
 * every source says none.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface InFlightSource {

	/**
	 * A source that never has a call in flight: for participants whose calls are not
	 * tracked.
	 */
	InFlightSource NONE = () -> 0;

	/**
	 * Return the number of calls in flight now. Must be cheap and must not block.
	 * @return the number of calls in flight
	 */
	int inFlightCount();

	/**
	 * Whether this source sees calls at all: a source that no tracked client feeds
	 * answers {@code 0} without knowing, and a pool whose only view of use it is cannot
	 * be said to have closed gracefully.
	 * @return {@code true} if calls are tracked into this source
	 */
	default boolean tracksCalls() {
		return this != NONE;
	}

	/**
	 * Return the calls that shutdown cut so far, and those still in flight, which the
	 * report counts as cut once every pool is closed.
	 * @return the cut calls, bounded by the source
	 */
	default List<CutCall> cutCalls() {
		return List.of();
	}

}
