package dev.cleanup.tracking;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.cleanup.core.CallAllowance;
import dev.cleanup.core.CallsAfterDrain;
import dev.cleanup.core.CutCall;
import dev.cleanup.core.InFlightSource;
import org.jspecify.annotations.Nullable;

/**
 * Every outbound call in flight in one application. Starting and ending a call is a set
 * insertion and removal; a call is forgotten the moment it ends. A call that fails once
 * pools are closing is recorded as cut, up to a bound.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class InFlightCalls implements InFlightSource {

	/**
	 * The most cut calls kept for the report; further ones are only counted.
	 */
	public static final int MAX_RECORDED_CUT_CALLS = 200;

	private final InFlightCallList calls = new InFlightCallList();

	private final Map<String, TrackedClient> namedClients = new ConcurrentHashMap<>();

	private final List<CutCall> cutCalls = new ArrayList<>();

	/**
	 * Calls cut because their allowance passed while they were still running: touched
	 * only once shutdown started, so a call costs nothing more.
	 */
	private final Set<InFlightCall> cutStillRunning = ConcurrentHashMap.newKeySet();

	private final AtomicLong unrecordedCutCalls = new AtomicLong();

	private final AtomicLong capturedCutCalls = new AtomicLong();

	private final List<Consumer<TrackedClient>> namedClientListeners = new CopyOnWriteArrayList<>();

	private final Instant baseInstant = Instant.now();

	private final long baseNanos = System.nanoTime();

	private volatile BooleanSupplier poolsClosing = () -> false;

	/**
	 * When the drain ended, as {@link System#nanoTime()} read it; meaningful once
	 * {@link #drainEnded} is set.
	 */
	private volatile long drainEndNanos;

	private volatile boolean drainEnded;

	private final AtomicInteger startedAfterDrain = new AtomicInteger();

	private final AtomicInteger cutAfterDrain = new AtomicInteger();

	/**
	 * Tell the tracker how to know that pools are closing, from which point a failing
	 * call counts as cut.
	 * @param poolsClosing whether pools are closing
	 */
	public void setPoolsClosing(BooleanSupplier poolsClosing) {
		this.poolsClosing = poolsClosing;
	}

	/**
	 * Return the client with a user-given name, the same instance for the same name.
	 * @param name the name (a bean name or a registered name)
	 * @return the client
	 */
	public TrackedClient namedClient(String name) {
		TrackedClient existing = this.namedClients.get(name);
		if (existing != null) {
			return existing;
		}
		TrackedClient created = new TrackedClient(name, true, this);
		existing = this.namedClients.putIfAbsent(name, created);
		if (existing != null) {
			return existing;
		}
		this.namedClientListeners.forEach((listener) -> listener.accept(created));
		return created;
	}

	/**
	 * Add a listener told of every named client, existing ones included.
	 * @param listener the listener
	 */
	public void addNamedClientListener(Consumer<TrackedClient> listener) {
		this.namedClientListeners.add(listener);
		this.namedClients.values().forEach(listener);
	}

	/**
	 * Return how many calls of captured (unnamed) clients shutdown cut.
	 * @return the number of cut calls
	 */
	public long capturedCutCount() {
		return this.capturedCutCalls.get();
	}

	/**
	 * Return how many calls of captured (unnamed) clients are in flight.
	 * @return the number of calls
	 */
	public int capturedInFlightCount() {
		int named = 0;
		for (TrackedClient client : this.namedClients.values()) {
			named += client.inFlightCount();
		}
		return Math.max(0, inFlightCount() - named);
	}

	/**
	 * Return a new client with a derived name, for a pool the starter captured.
	 * @param name the derived name
	 * @return the client
	 */
	public TrackedClient capturedClient(String name) {
		return new TrackedClient(name, false, this);
	}

	/**
	 * Return the clients with user-given names.
	 * @return the named clients
	 */
	public List<TrackedClient> namedClients() {
		return List.copyOf(this.namedClients.values());
	}

	/**
	 * Record that a call started.
	 * @param client the client making it
	 * @param method the HTTP method
	 * @param uri the URI as given
	 * @return the call, to pass to {@link #end(InFlightCall, Throwable)}
	 */
	public InFlightCall start(TrackedClient client, String method, URI uri) {
		return start(client, method, uri, null);
	}

	/**
	 * Record that a call started that has a deadline, such as a read or response timeout.
	 * @param client the client making it
	 * @param method the HTTP method
	 * @param uri the URI as given
	 * @param timeout how long the call may take, or {@code null} if unknown
	 * @return the call, to pass to {@link #end(InFlightCall, Throwable)}
	 */
	public InFlightCall start(TrackedClient client, String method, URI uri, @Nullable Duration timeout) {
		long startNanos = System.nanoTime();
		String threadName = Thread.currentThread().getName();
		int stripe = this.calls.stripeForCurrentThread();
		InFlightCall call = (timeout != null)
				? new InFlightCall.WithDeadline(client, method, uri, threadName, startNanos, stripe,
						startNanos + saturatedNanos(timeout))
				: new InFlightCall(client, method, uri, threadName, startNanos, stripe);
		this.calls.add(call);
		client.started();
		if (isAfterDrain(startNanos)) {
			this.startedAfterDrain.incrementAndGet();
		}
		return call;
	}

	private boolean isAfterDrain(long startNanos) {
		return this.drainEnded && startNanos - this.drainEndNanos >= 0;
	}

	@Override
	public void drainEnded(long nowNanos) {
		this.drainEndNanos = nowNanos;
		this.drainEnded = true;
	}

	@Override
	public CallsAfterDrain callsAfterDrain() {
		return new CallsAfterDrain(this.startedAfterDrain.get(), this.cutAfterDrain.get());
	}

	/**
	 * Return how many calls of a client started after the drain and used up their
	 * allowance while still in flight.
	 * @param client the client
	 * @param allowance the allowance of each call
	 * @param nowNanos now
	 * @return the number of such calls
	 */
	int overdueAfterDrain(TrackedClient client, CallAllowance allowance, long nowNanos) {
		int overdue = 0;
		for (InFlightCall call : snapshot()) {
			if (call.client() == client && isAfterDrain(call.startNanos())
					&& !allowance.hasAllowance(call.startNanos(), nowNanos)) {
				overdue++;
			}
		}
		return overdue;
	}

	/**
	 * Record that a call ended. Ending a call twice is harmless.
	 * @param call the call
	 * @param failure why it failed, or {@code null}
	 */
	public void end(InFlightCall call, @Nullable Throwable failure) {
		if (failure != null && this.poolsClosing.getAsBoolean()) {
			// leave the calls in flight and the recorded cuts as one, for cutCalls()
			synchronized (this.cutCalls) {
				remove(call, failure);
			}
		}
		else {
			remove(call, null);
		}
	}

	/**
	 * Remove a call from the calls in flight and, if shutdown cut it, record why.
	 * @param call the call
	 * @param cutBy the failure that cut it, or {@code null} if it ended uncut
	 */
	private void remove(InFlightCall call, @Nullable Throwable cutBy) {
		if (!this.calls.remove(call)) {
			return;
		}
		if (!this.cutStillRunning.isEmpty() && this.cutStillRunning.remove(call)) {
			// counted and named when its allowance passed
			call.client().ended(false);
			return;
		}
		call.client().ended(cutBy != null);
		if (cutBy == null) {
			return;
		}
		if (!call.client().isNamed()) {
			this.capturedCutCalls.incrementAndGet();
		}
		// A client's or an interceptor's message may quote the URI as given
		String message = cutBy.getMessage();
		recordCut(call, "failed after its pool started closing: " + cutBy.getClass().getSimpleName()
				+ ((message != null) ? ": " + UriSanitizer.sanitizeQuotes(message, call.uri()) : ""));
	}

	@Override
	public int inFlightCount() {
		return this.calls.size();
	}

	@Override
	public int inFlightWithAllowance(CallAllowance allowance, long nowNanos) {
		return inFlightWithAllowance(null, allowance, nowNanos);
	}

	/**
	 * Return the calls of a client, or of all clients, in flight now with allowance left.
	 * @param client the client, or {@code null} for all
	 * @param allowance the allowance of each call
	 * @param nowNanos now
	 * @return the number of calls
	 */
	int inFlightWithAllowance(@Nullable TrackedClient client, CallAllowance allowance, long nowNanos) {
		int count = 0;
		for (InFlightCall call : snapshot()) {
			if ((client == null || call.client() == client) && allowance.hasAllowance(call.startNanos(), nowNanos)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Cut the calls of a client whose allowance passed, once each.
	 * @param client the client
	 * @param allowance the allowance of each call
	 * @param nowNanos now
	 * @return how many of its calls in flight are cut
	 */
	int cutOverdue(TrackedClient client, CallAllowance allowance, long nowNanos) {
		int cut = 0;
		for (InFlightCall call : snapshot()) {
			if (call.client() != client || allowance.hasAllowance(call.startNanos(), nowNanos)) {
				continue;
			}
			cut++;
			synchronized (this.cutCalls) {
				if (this.cutStillRunning.add(call)) {
					client.cut();
					if (!client.isNamed()) {
						this.capturedCutCalls.incrementAndGet();
					}
					recordCut(call, "its allowance (" + allowance.describe(call.startNanos())
							+ ") passed while it was still in flight");
				}
			}
		}
		return cut;
	}

	/**
	 * Return the calls in flight now, oldest first.
	 * @return a snapshot
	 */
	public List<InFlightCall> snapshot() {
		List<InFlightCall> snapshot = new ArrayList<>();
		this.calls.copyTo(snapshot);
		snapshot.sort(Comparator.comparingLong(InFlightCall::startNanos));
		return snapshot;
	}

	/**
	 * Return when a call started, as an instant.
	 * @param call the call
	 * @return the start
	 */
	public Instant startedAt(InFlightCall call) {
		return this.baseInstant.plusNanos(call.startNanos() - this.baseNanos);
	}

	@Override
	public List<CutCall> cutCalls() {
		List<CutCall> cut;
		List<InFlightCall> inFlight;
		// one view: a call cut meanwhile is either still in flight or recorded, never
		// neither
		synchronized (this.cutCalls) {
			cut = new ArrayList<>(this.cutCalls);
			inFlight = snapshot();
		}
		for (InFlightCall call : inFlight) {
			if (!this.cutStillRunning.contains(call)) {
				cut.add(toCutCall(call, "still in flight when shutdown ended"));
			}
		}
		long unrecorded = this.unrecordedCutCalls.get();
		if (unrecorded > 0) {
			cut.add(new CutCall("(more)", "-", "-", Duration.ZERO,
					unrecorded + " more cut call(s) were counted but not recorded"));
		}
		return cut;
	}

	private void recordCut(InFlightCall call, String reason) {
		if (isAfterDrain(call.startNanos())) {
			this.cutAfterDrain.incrementAndGet();
		}
		synchronized (this.cutCalls) {
			if (this.cutCalls.size() < MAX_RECORDED_CUT_CALLS) {
				this.cutCalls.add(toCutCall(call, reason));
				return;
			}
		}
		this.unrecordedCutCalls.incrementAndGet();
	}

	private static long saturatedNanos(Duration timeout) {
		try {
			return timeout.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 4;
		}
	}

	private static CutCall toCutCall(InFlightCall call, String reason) {
		return new CutCall(call.client().name(), call.method(), UriSanitizer.sanitize(call.uri()), call.elapsed(),
				reason);
	}

}
