package dev.cleanup.lingering;

import java.time.Duration;

import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.UriSanitizer;

/**
 * The deadlines of tracked outbound calls in flight: a call whose deadline is still ahead
 * is a pending timeout; a call whose deadline passed while it still runs lingers (its
 * timeout did not end it). Calls without a known deadline are not counted. Nothing is
 * removable: ending a live call is not this source's business.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class OverdueCallTaskSource implements TimeoutTaskSource {

	/**
	 * The name of this source.
	 */
	public static final String NAME = "call-deadlines";

	private final InFlightCalls calls;

	/**
	 * Create a source for the given tracked calls.
	 * @param calls the calls in flight
	 */
	public OverdueCallTaskSource(InFlightCalls calls) {
		this.calls = calls;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit) {
		try {
			TimeoutTaskSnapshot.Builder builder = TimeoutTaskSnapshot.builder(NAME, lingeringLimit, pendingLimit);
			for (InFlightCall call : this.calls.snapshot()) {
				Duration remaining = call.remaining();
				if (remaining == null) {
					continue;
				}
				boolean overdue = remaining.isNegative();
				builder.add(overdue, remaining.toNanos(), () -> new TimeoutTask(NAME, describe(call), remaining,
						"thread " + call.threadName(), overdue ? TimeoutTask.DEADLINE_PASSED : null));
			}
			return builder.build();
		}
		catch (RuntimeException ex) {
			return TimeoutTaskSnapshot.unavailable(NAME, "failed: " + TimeoutTaskCensus.describe(ex));
		}
	}

	private static String describe(InFlightCall call) {
		return Descriptions.truncate(call.method() + " " + UriSanitizer.sanitize(call.uri()) + " by client '"
				+ call.client().name() + "', running " + call.elapsed().toMillis() + " ms");
	}

}
