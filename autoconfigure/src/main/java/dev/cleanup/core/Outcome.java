package dev.cleanup.core;

import java.util.Locale;

/**
 * How closing a participant ended.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public enum Outcome {

	/**
	 * Closed gracefully within its timeout.
	 */
	GRACEFUL,

	/**
	 * Closed, but nothing showed whether it was in use: the pool has no figures of its
	 * own and none of its calls were tracked, so calls may have been cut unseen.
	 */
	UNVERIFIED,

	/**
	 * The graceful close did not finish in time; the forced close did.
	 */
	FORCED,

	/**
	 * Neither the graceful nor the forced close finished in time; the attempt was
	 * abandoned on a daemon thread.
	 */
	TIMED_OUT,

	/**
	 * Closing threw an exception.
	 */
	FAILED,

	/**
	 * Not closed: disabled by configuration, already closed, or already collected.
	 */
	SKIPPED;

	/**
	 * Return the name used in reports, meters and the endpoint, for example
	 * {@code timed-out}.
	 * @return the lower-case, dashed name
	 */
	public String displayName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether this outcome deserves a warning in the shutdown report.
	 * @return {@code true} unless graceful or skipped
	 */
	public boolean isWarning() {
		return this != GRACEFUL && this != SKIPPED;
	}

}
