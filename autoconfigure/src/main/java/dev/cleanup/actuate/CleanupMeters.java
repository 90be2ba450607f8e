package dev.cleanup.actuate;

/**
 * Names and descriptions of the starter's meters, documented in the README.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class CleanupMeters {

	/**
	 * Gauge of outbound calls in flight, tag {@code client}.
	 */
	public static final String IN_FLIGHT = "cleanup.inflight";

	/**
	 * Gauge of lingering timeout tasks, tag {@code source}.
	 */
	public static final String LINGERING = "cleanup.lingering.tasks";

	/**
	 * Timer of participant closes, tags {@code participant}, {@code kind}, {@code stage},
	 * {@code outcome}.
	 */
	public static final String CLOSE = "cleanup.close";

	/**
	 * Counter of outbound calls cut by shutdown, tag {@code client}.
	 */
	public static final String CUT = "cleanup.requests.cut";

	static final String IN_FLIGHT_DESCRIPTION = "Outbound HTTP calls in flight";

	static final String LINGERING_DESCRIPTION = "Timeout tasks that outlived their purpose";

	static final String CLOSE_DESCRIPTION = "Time taken to close a participant on shutdown";

	static final String CUT_DESCRIPTION = "Outbound HTTP calls cut by shutdown";

	private CleanupMeters() {
	}

}
