package dev.cleanup.core;

import java.time.Duration;

/**
 * How the drain stage ended.
 *
 * @param waited how long the stage waited
 * @param drained whether nothing was in flight when it ended
 * @param inFlightLeft calls still in flight when it ended
 * @param busyParticipants participants still reporting connections in use
 * @author cleanup contributors
 * @since 0.1.0
 */
public record DrainResult(Duration waited, boolean drained, int inFlightLeft, int busyParticipants) {

	/**
	 * The result when the drain stage did not run.
	 */
	public static final DrainResult NOT_RUN = new DrainResult(Duration.ZERO, true, 0, 0);

}
