package dev.cleanup.core;

/**
 * Something that knows how many outbound calls are in flight; the drain stage waits
 * until every source says none.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface InFlightSource {

	/**
	 * Return the number of calls in flight now. Must be cheap and must not block.
	 * @return the number of calls in flight
	 */
	int inFlightCount();

}
