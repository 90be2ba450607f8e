package dev.cleanup.tracking;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.cleanup.core.CallAllowance;
import dev.cleanup.core.InFlightSource;

/**
 * One client whose outbound calls are tracked: a name, how many calls it has in flight
 * and how many shutdown cut.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class TrackedClient implements InFlightSource {

	private final String name;

	private final boolean named;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final LongAdder cut = new LongAdder();

	private volatile boolean tracked;

	private volatile boolean poolClosing;

	/**
	 * Whether this client's calls run on a pool the starter cannot see.
	 */
	private volatile boolean poolUnseen;

	/**
	 * The clients whose calls run on this client's pool without being tracked on it
	 * (OpenFeign's, tracked under the Feign client's name): bounded by the clients.
	 */
	private final Set<TrackedClient> carried = ConcurrentHashMap.newKeySet();

	private final InFlightCalls calls;

	TrackedClient(String name, boolean named, InFlightCalls calls) {
		this.name = name;
		this.named = named;
		this.calls = calls;
	}

	/**
	 * Return the name shown for this client's calls.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether the name is one the user gave (a bean or a registered name), as opposed to
	 * one derived for a captured pool; only named clients get their own meter tag.
	 * @return {@code true} for named clients
	 */
	public boolean isNamed() {
		return this.named;
	}

	@Override
	public int inFlightCount() {
		return this.inFlight.get();
	}

	/**
	 * Say that calls are tracked on this client: a tracking wrapper, filter or hook feeds
	 * it.
	 * @return this client
	 */
	public TrackedClient markTracked() {
		this.tracked = true;
		return this;
	}

	@Override
	public int inFlightWithAllowance(CallAllowance allowance, long nowNanos) {
		return (this.inFlight.get() > 0) ? this.calls.inFlightWithAllowance(this, allowance, nowNanos) : 0;
	}

	@Override
	public int cutOverdue(CallAllowance allowance, long nowNanos) {
		return (this.inFlight.get() > 0) ? this.calls.cutOverdue(this, allowance, nowNanos) : 0;
	}

	@Override
	public int overdueAfterDrain(CallAllowance allowance, long nowNanos) {
		return (this.inFlight.get() > 0) ? this.calls.overdueAfterDrain(this, allowance, nowNanos) : 0;
	}

	@Override
	public boolean tracksCalls() {
		return this.tracked;
	}

	/**
	 * Return how many of this client's calls shutdown cut.
	 * @return the number of cut calls
	 */
	public long cutCount() {
		return this.cut.sum();
	}

	/**
	 * Note that the starter started closing this client's pool: from now on, a call of it
	 * that fails counts as cut.
	 */
	@Override
	public void poolClosing() {
		this.poolClosing = true;
		this.calls.somePoolClosing();
		this.carried.forEach(TrackedClient::poolClosing);
	}

	/**
	 * Say that the calls of another client run on this client's pool: once the starter
	 * starts closing it, a call of either that fails counts as cut.
	 * @param other the client whose calls run on this client's pool
	 */
	public void carries(TrackedClient other) {
		if (other != this && this.carried.add(other) && this.poolClosing) {
			other.poolClosing();
		}
	}

	/**
	 * Say that this client's calls run on a pool the starter cannot see: it cannot tell
	 * which close makes them fail, so a call of it that fails once the starter started
	 * closing any pool counts as cut rather than as the application's own failure.
	 */
	public void runsOnUnseenPool() {
		this.poolUnseen = true;
	}

	/**
	 * Whether the starter started closing this client's pool (any pool, for a client
	 * whose pool it cannot see).
	 * @return {@code true} once its close started
	 */
	boolean isPoolClosing() {
		return this.poolClosing || (this.poolUnseen && this.calls.isAnyPoolClosing());
	}

	void started() {
		this.inFlight.incrementAndGet();
	}

	void cut() {
		this.cut.increment();
	}

	void ended(boolean wasCut) {
		this.inFlight.decrementAndGet();
		if (wasCut) {
			this.cut.increment();
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
