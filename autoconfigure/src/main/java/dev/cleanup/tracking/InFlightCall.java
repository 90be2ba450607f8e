package dev.cleanup.tracking;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import dev.cleanup.core.ShutdownReport.CutCall;
import org.jspecify.annotations.Nullable;

/**
 * One outbound call in flight. Holds only references and numbers: nothing is formatted
 * until the call is shown. A call with a deadline is a {@link WithDeadline}, so that the
 * common call without one stays small.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class InFlightCall {

	private final TrackedClient client;

	private final String method;

	private final URI uri;

	private final String threadName;

	private final long startNanos;

	private final int stripe;

	private static final int RUNNING = 0;

	private static final int ENDED = 1;

	private static final int CUT = 2;

	private static final AtomicIntegerFieldUpdater<InFlightCall> STATE = AtomicIntegerFieldUpdater
		.newUpdater(InFlightCall.class, "state");

	/**
	 * Whether the call runs, ended, or was cut by shutdown: ending it and cutting it are
	 * one atomic step with respect to each other, so a call that ended is never cut.
	 */
	private volatile int state = RUNNING;

	/**
	 * The neighbours in the list of calls in flight, guarded by that list's lock.
	 */
	@Nullable InFlightCall previous;

	@Nullable InFlightCall next;

	InFlightCall(TrackedClient client, String method, URI uri, String threadName, long startNanos, int stripe) {
		this.client = client;
		this.method = method;
		this.uri = uri;
		this.threadName = threadName;
		this.startNanos = startNanos;
		this.stripe = stripe;
	}

	/**
	 * Return the client making the call.
	 * @return the client
	 */
	public TrackedClient client() {
		return this.client;
	}

	/**
	 * Return the HTTP method.
	 * @return the method
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the URI as given; sanitize it with {@link UriSanitizer} before showing it.
	 * @return the URI
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Return the name of the thread that started the call.
	 * @return the thread name
	 */
	public String threadName() {
		return this.threadName;
	}

	/**
	 * Return when the call started, as read from {@link System#nanoTime()}.
	 * @return the start
	 */
	public long startNanos() {
		return this.startNanos;
	}

	/**
	 * Mark the call as ended, unless shutdown cut it first.
	 * @return {@code true} if it ended by itself, {@code false} if it was cut or had
	 * ended already
	 */
	boolean markEnded() {
		return STATE.compareAndSet(this, RUNNING, ENDED);
	}

	/**
	 * Mark the call as cut, unless it ended first.
	 * @return {@code true} if this cut it, {@code false} if it had ended or been cut
	 */
	boolean markCut() {
		return STATE.compareAndSet(this, RUNNING, CUT);
	}

	/**
	 * Whether shutdown cut the call.
	 * @return {@code true} once cut
	 */
	boolean isCut() {
		return this.state == CUT;
	}

	/**
	 * Whether the call neither ended nor was cut.
	 * @return {@code true} while running
	 */
	boolean isRunning() {
		return this.state == RUNNING;
	}

	/**
	 * Return the list of calls in flight this call is linked into.
	 * @return the list's index
	 */
	int stripe() {
		return this.stripe;
	}

	/**
	 * Return how long the call has run.
	 * @return the elapsed time
	 */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	/**
	 * Return the call as the report lists it once cut, its query values masked.
	 * @param reason why it was cut
	 * @return the cut call
	 */
	CutCall cut(String reason) {
		return new CutCall(this.client.name(), this.method, UriSanitizer.sanitize(this.uri), elapsed(), reason);
	}

	/**
	 * Return the time left to the call's deadline, if it has one.
	 * @return the remaining time (negative once passed) or {@code null}
	 */
	public @Nullable Duration remaining() {
		return null;
	}

	/**
	 * A call whose deadline is known.
	 */
	static final class WithDeadline extends InFlightCall {

		private final long deadlineNanos;

		WithDeadline(TrackedClient client, String method, URI uri, String threadName, long startNanos, int stripe,
				long deadlineNanos) {
			super(client, method, uri, threadName, startNanos, stripe);
			this.deadlineNanos = deadlineNanos;
		}

		@Override
		public Duration remaining() {
			return Duration.ofNanos(this.deadlineNanos - System.nanoTime());
		}

	}

}
