package dev.cleanup.core;

/**
 * The tracked calls that started after the drain stage: goodbye calls of the
 * application's own shutdown work (a lifecycle bean's {@code stop()}, a destroy method),
 * each with its participant's allowance from its own start, and how many of them were
 * cut.
 *
 * @param started how many started after the drain
 * @param cut how many of those were cut
 * @author cleanup contributors
 * @since 0.1.0
 */
public record CallsAfterDrain(int started, int cut) {

	/**
	 * No call after the drain.
	 */
	public static final CallsAfterDrain NONE = new CallsAfterDrain(0, 0);

	/**
	 * Return the sum of this and another count.
	 * @param other the other count
	 * @return the sum
	 */
	public CallsAfterDrain plus(CallsAfterDrain other) {
		return new CallsAfterDrain(this.started + other.started, this.cut + other.cut);
	}

}
