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
import java.util.function.Consumer;

import dev.cleanup.core.CallAllowance;
import dev.cleanup.core.InFlightSource.CallsAfterDrain;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.InFlightSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

	private static final Log logger = LogFactory.getLog(InFlightCalls.class);

	private final InFlightCallList calls = new InFlightCallList();

	private final Map<String, TrackedClient> namedClients = new ConcurrentHashMap<>();

	private final List<CutCall> cutCalls = new ArrayList<>();

	private final AtomicLong unrecordedCutCalls = new AtomicLong();

	private final AtomicLong untrackedCalls = new AtomicLong();

	/**
	 * The clients whose untracked calls were warned about, bounded by the names of
	 * clients, which are bounded.
	 */
	private final Set<String> warnedUntracked = ConcurrentHashMap.newKeySet();

	/**
	 * What {@link #start} returns for a call it could not track: never in flight.
	 */
	private final InFlightCall untracked = new InFlightCall(new TrackedClient("(untracked)", false, this), "-",
			URI.create("untracked:/"), "-", 0, 0);

	private final AtomicLong capturedCutCalls = new AtomicLong();

	private final List<Consumer<TrackedClient>> namedClientListeners = new CopyOnWriteArrayList<>();

	private final Instant baseInstant = Instant.now();

	private final long baseNanos = System.nanoTime();

	/**
	 * When the drain ended, as {@link System#nanoTime()} read it; meaningful once
	 * {@link #drainEnded} is set.
	 */
	private volatile long drainEndNanos;

	private volatile boolean drainEnded;

	private volatile boolean anyPoolClosing;

	private final AtomicInteger startedAfterDrain = new AtomicInteger();

	private final AtomicInteger cutAfterDrain = new AtomicInteger();

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
		for (Consumer<TrackedClient> listener : this.namedClientListeners) {
			listener.accept(created);
		}
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
		try {
			return record(client, method, uri, timeout);
		}
		catch (RuntimeException ex) {
			// tracking never changes a call's outcome: it goes ahead, untracked
			return untracked(client, ex);
		}
	}

	/**
	 * Note a call the starter could not track (a URL it cannot parse, a failure of its
	 * own): the call goes ahead untracked, one WARN per client says so, and the report
	 * counts it.
	 * @param client the client making it
	 * @param cause why it could not be tracked
	 * @return a call that ending does nothing with
	 */
	public InFlightCall untracked(TrackedClient client, Exception cause) {
		this.untrackedCalls.incrementAndGet();
		if (this.warnedUntracked.add(client.name())) {
			// the cause's message may quote the URL, secrets and all: its type alone
			logger.warn("Calls of client '" + client.name() + "' that the starter cannot track go ahead untracked ("
					+ cause.getClass().getName() + "); the shutdown report counts them");
		}
		return this.untracked;
	}

	@Override
	public int untrackedCalls() {
		return (int) Math.min(Integer.MAX_VALUE, this.untrackedCalls.get());
	}

	/**
	 * Record a call: the part of {@link #start} that may fail.
	 */
	InFlightCall record(TrackedClient client, String method, URI uri, @Nullable Duration timeout) {
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

	void somePoolClosing() {
		this.anyPoolClosing = true;
	}

	boolean isAnyPoolClosing() {
		return this.anyPoolClosing;
	}

	/**
	 * Record that a call ended. A call that fails once the starter started closing its
	 * pool counts as cut, whatever stage closes it. Ending a call twice is harmless.
	 * @param call the call
	 * @param failure why it failed, or {@code null}
	 * @return {@code true} if this ended the call uncut, {@code false} if shutdown cut it
	 * (now, or when its allowance passed) or it had ended already
	 */
	public boolean end(InFlightCall call, @Nullable Throwable failure) {
		if (call == this.untracked) {
			return true;
		}
		TrackedClient client = call.client();
		if (failure != null && client.isPoolClosing()) {
			// ended and recorded as one, under the lock the report reads under
			synchronized (this.cutCalls) {
				if (!call.markEnded()) {
					return removeCut(call);
				}
				this.calls.remove(call);
				client.ended(true);
				// A client's or an interceptor's message may quote the URI as given
				String message = failure.getMessage();
				recordCut(call, "failed after its pool started closing: " + failure.getClass().getSimpleName()
						+ ((message != null) ? ": " + UriSanitizer.sanitizeQuotes(message, call.uri()) : ""));
			}
			return false;
		}
		if (!call.markEnded()) {
			return removeCut(call);
		}
		this.calls.remove(call);
		client.ended(false);
		return true;
	}

	/**
	 * Remove a call that ends after shutdown cut it: counted and named when it was cut.
	 */
	private boolean removeCut(InFlightCall call) {
		if (call.isCut() && this.calls.remove(call)) {
			call.client().ended(false);
		}
		return false;
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
			// cut and recorded as one, under the lock the report reads under; a call that
			// ended meanwhile is not cut
			synchronized (this.cutCalls) {
				if (call.markCut()) {
					client.cut();
					recordCut(call, "its allowance (" + allowance.describe(call.startNanos())
							+ ") passed while it was still in flight");
				}
			}
			if (call.isCut()) {
				cut++;
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
			// running or not is read under the lock a cut is recorded under: a call cut
			// after it was released is then in the copy of the recorded cuts
			inFlight = new ArrayList<>();
			for (InFlightCall call : snapshot()) {
				if (call.isRunning()) {
					inFlight.add(call);
				}
			}
		}
		for (InFlightCall call : inFlight) {
			cut.add(call.cut("still in flight when shutdown ended"));
		}
		long unrecorded = this.unrecordedCutCalls.get();
		if (unrecorded > 0) {
			cut.add(new CutCall("(more)", "-", "-", Duration.ZERO,
					unrecorded + " more cut call(s) were counted but not recorded"));
		}
		return cut;
	}

	private void recordCut(InFlightCall call, String reason) {
		if (!call.client().isNamed()) {
			this.capturedCutCalls.incrementAndGet();
		}
		if (isAfterDrain(call.startNanos())) {
			this.cutAfterDrain.incrementAndGet();
		}
		synchronized (this.cutCalls) {
			if (this.cutCalls.size() < MAX_RECORDED_CUT_CALLS) {
				this.cutCalls.add(call.cut(reason));
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

}
