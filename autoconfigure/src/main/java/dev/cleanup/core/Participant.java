package dev.cleanup.core;

import dev.cleanup.core.plan.ParticipantNames;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One closable thing: a name, a kind, a stage, a timeout and a {@link Teardown}, with the
 * outbound calls tracked on it and the threads it owns, where known. A participant built
 * with {@link Builder#weak} holds its resource weakly and drops out once the resource is
 * garbage collected.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class Participant {

	private static final Log logger = LogFactory.getLog(Participant.class);

	/**
	 * The first failure of its figures (in use, idle, pending): an error is never read as
	 * "nothing in use", so a close after one cannot be called graceful.
	 */
	private final AtomicReference<@Nullable RuntimeException> figureFailure = new AtomicReference<>();

	private final String name;

	private final Kind kind;

	private final Stage stage;

	private final @Nullable Duration timeout;

	/**
	 * The teardown held strongly, or {@code null} when it is built from a weakly held
	 * resource.
	 */
	private final @Nullable Teardown teardown;

	private final @Nullable Supplier<@Nullable Teardown> weakTeardown;

	private final @Nullable WeakReference<?> reference;

	private final InFlightSource inFlight;

	private final @Nullable Predicate<Thread> threads;

	private final boolean captured;

	private final AtomicBoolean closeStarted = new AtomicBoolean();

	private final AtomicReference<@Nullable CloseResult> lastResult = new AtomicReference<>();

	private Participant(Builder builder, String name) {
		this.name = name;
		this.kind = builder.kind;
		this.stage = builder.stage;
		this.timeout = builder.timeout;
		if (builder.teardown == null && builder.weakTeardown == null) {
			throw new NullPointerException("A teardown is required");
		}
		this.teardown = builder.teardown;
		this.weakTeardown = builder.weakTeardown;
		this.reference = builder.reference;
		this.inFlight = builder.inFlight;
		this.threads = builder.threads;
		this.captured = builder.captured || builder.reference != null;
	}

	/**
	 * Start building a participant.
	 * @param name the name; characters outside {@code [A-Za-z0-9_-]} become {@code -}
	 * @return the builder
	 */
	public static Builder builder(String name) {
		return new Builder(ParticipantNames.sanitize(name));
	}

	/**
	 * Return the name, unique within its registry and safe in a URL path.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the kind.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the stage this participant closes in unless configuration says otherwise.
	 * @return {@link Stage#CLOSE} or {@link Stage#DISPOSE}
	 */
	public Stage stage() {
		return this.stage;
	}

	/**
	 * Return the timeout this participant asked for, if any.
	 * @return the timeout or {@code null} to use its stage's
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * Whether the resource is held weakly.
	 * @return {@code true} for participants dropped once their resource is collected
	 */
	public boolean isWeak() {
		return this.reference != null;
	}

	/**
	 * Whether the starter found the resource rather than an application naming it (a
	 * bean, a registration): held weakly, or held until closed where its threads outlive
	 * it. Captured participants share one meter tag value, so that tags stay bounded.
	 * @return {@code true} for captured participants
	 */
	public boolean isCaptured() {
		return this.captured;
	}

	/**
	 * Whether the resource was garbage collected.
	 * @return {@code true} if nothing is left to close
	 */
	public boolean isCollected() {
		return this.reference != null && this.reference.get() == null;
	}

	/**
	 * Return the teardown, or {@code null} if the resource was garbage collected.
	 * @return the teardown
	 */
	public @Nullable Teardown teardown() {
		Teardown teardown = this.teardown;
		if (teardown != null) {
			return teardown;
		}
		Supplier<@Nullable Teardown> weakTeardown = this.weakTeardown;
		return (weakTeardown != null) ? weakTeardown.get() : null;
	}

	/**
	 * Return the outbound calls tracked on this participant.
	 * @return the calls, none for a participant whose calls are not tracked
	 */
	public InFlightSource inFlight() {
		return this.inFlight;
	}

	/**
	 * Return which live threads belong to this participant's resource, so that those
	 * still alive once it closed can be listed.
	 * @return the predicate, or {@code null} if its threads cannot be told apart
	 */
	public @Nullable Predicate<Thread> threads() {
		return this.threads;
	}

	/**
	 * Return the pool usage, {@link PoolUsage#UNKNOWN} if unknown or collected. Where the
	 * pool cannot tell how much of it is in use, its tracked calls in flight are the
	 * number in use. Errors are contained.
	 * @return the usage
	 */
	public PoolUsage usage() {
		try {
			return usage(teardown());
		}
		catch (RuntimeException ex) {
			figuresFailed(ex);
			return PoolUsage.UNKNOWN;
		}
	}

	/**
	 * Whether nothing of this participant is in use: no tracked call in flight, and the
	 * pool reports nothing in use or pending. The engine waits for this before a graceful
	 * close. An error counts as idle, so that a broken pool cannot hold a stage, and is
	 * remembered: the close can then not be called graceful ({@link #figureFailure()}).
	 * @param teardown the participant's teardown
	 * @return {@code true} if idle
	 */
	boolean isIdle(Teardown teardown) {
		try {
			return this.inFlight.inFlightCount() <= 0 && !usage(teardown).isBusy();
		}
		catch (RuntimeException ex) {
			figuresFailed(ex);
			return true;
		}
	}

	/**
	 * Whether the pool is busy with more than calls that used up their allowance.
	 * @param allowance the allowance of each call
	 * @param nowNanos now
	 * @return {@code true} if something is in use that is still worth waiting for
	 */
	boolean isBusy(CallAllowance allowance, long nowNanos) {
		Teardown teardown = teardown();
		if (teardown == null) {
			return false;
		}
		return !isIdle(teardown) && !isOverdue(teardown, allowance, nowNanos);
	}

	/**
	 * Whether every call still in flight on this participant has used up its allowance,
	 * and the pool shows no more in use than those calls: there is nothing left worth
	 * waiting for (leased connections are not mapped to calls, hence the comparison).
	 * Errors count as not overdue.
	 * @param teardown the participant's teardown
	 * @param allowance the allowance of each call
	 * @param nowNanos now
	 * @return {@code true} if only overdue calls remain
	 */
	boolean isOverdue(Teardown teardown, CallAllowance allowance, long nowNanos) {
		try {
			int inFlight = this.inFlight.inFlightCount();
			if (inFlight <= 0 || this.inFlight.inFlightWithAllowance(allowance, nowNanos) > 0) {
				return false;
			}
			PoolUsage usage = usage(teardown);
			return usage.inUse() <= inFlight && usage.pending() <= 0;
		}
		catch (RuntimeException ex) {
			figuresFailed(ex);
			return false;
		}
	}

	/**
	 * Whether anything shows this client pool's use: figures of its own, or calls tracked
	 * on it. A pool closed without either cannot be said to have closed gracefully. What
	 * an application registers of its own ({@link Kind#CUSTOM}) says itself, by its
	 * teardown, whether it closed gracefully.
	 * @param teardown the participant's teardown
	 * @return {@code true} if its use can be seen
	 */
	boolean canSeeUse(Teardown teardown) {
		try {
			return this.kind == Kind.CUSTOM || this.inFlight.tracksCalls() || teardown.usage().inUse() >= 0;
		}
		catch (RuntimeException ex) {
			figuresFailed(ex);
			return false;
		}
	}

	/**
	 * Return the first failure of this participant's figures.
	 * @return the failure, or {@code null} if its figures never failed
	 */
	public @Nullable RuntimeException figureFailure() {
		return this.figureFailure.get();
	}

	private void figuresFailed(RuntimeException ex) {
		if (this.figureFailure.compareAndSet(null, ex)) {
			logger
				.warn("Participant '" + this.name + "': reading whether it is in use failed (" + ex.getClass().getName()
						+ "); it is not waited for, and its close will be reported as unverified");
		}
	}

	private PoolUsage usage(@Nullable Teardown teardown) {
		PoolUsage usage = (teardown != null) ? teardown.usage() : PoolUsage.UNKNOWN;
		if (usage.inUse() >= 0 || this.inFlight == InFlightSource.NONE) {
			return usage;
		}
		return new PoolUsage(this.inFlight.inFlightCount(), usage.idle(), usage.pending(), usage.max());
	}

	/**
	 * Return the result of the last close, if closed.
	 * @return the result or {@code null}
	 */
	public @Nullable CloseResult lastResult() {
		return this.lastResult.get();
	}

	/**
	 * Whether closing has started.
	 * @return {@code true} once a close was attempted
	 */
	public boolean isClosing() {
		return this.closeStarted.get();
	}

	boolean markCloseStarted() {
		return this.closeStarted.compareAndSet(false, true);
	}

	void recordResult(CloseResult result) {
		this.lastResult.set(result);
	}

	Participant withName(String name) {
		Builder builder = new Builder(name);
		builder.kind = this.kind;
		builder.stage = this.stage;
		builder.timeout = this.timeout;
		builder.teardown = this.teardown;
		builder.weakTeardown = this.weakTeardown;
		builder.reference = this.reference;
		builder.inFlight = this.inFlight;
		builder.threads = this.threads;
		builder.captured = this.captured;
		return new Participant(builder, name);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.kind.displayName() + ")";
	}

	/**
	 * Builds a {@link Participant}.
	 */
	public static final class Builder {

		private final String name;

		private Kind kind = Kind.CUSTOM;

		private Stage stage = Stage.CLOSE;

		private @Nullable Duration timeout;

		private @Nullable Teardown teardown;

		private @Nullable Supplier<@Nullable Teardown> weakTeardown;

		private @Nullable WeakReference<?> reference;

		private InFlightSource inFlight = InFlightSource.NONE;

		private @Nullable Predicate<Thread> threads;

		private boolean captured;

		private Builder(String name) {
			this.name = name;
		}

		/**
		 * Set the kind.
		 * @param kind the kind
		 * @return this builder
		 */
		public Builder kind(Kind kind) {
			this.kind = kind;
			return this;
		}

		/**
		 * Set the stage to close in.
		 * @param stage {@link Stage#CLOSE} or {@link Stage#DISPOSE}
		 * @return this builder
		 * @throws IllegalArgumentException for {@link Stage#DRAIN}, which closes nothing
		 */
		public Builder stage(Stage stage) {
			if (!stage.closesParticipants()) {
				throw new IllegalArgumentException("Participant '" + this.name + "' cannot close in stage '"
						+ stage.configName() + "': use one of " + Stage.closingStageNames());
			}
			this.stage = stage;
			return this;
		}

		/**
		 * Set the graceful close timeout, overriding the stage's default.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException(
						"Participant '" + this.name + "' timeout must be positive, was " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * Hold the teardown strongly.
		 * @param teardown the teardown
		 * @return this builder
		 */
		public Builder teardown(Teardown teardown) {
			Objects.requireNonNull(teardown, "teardown must not be null");
			this.teardown = teardown;
			this.weakTeardown = null;
			this.reference = null;
			return this;
		}

		/**
		 * Hold the resource weakly and build its teardown when needed. The adapter must
		 * not capture the resource itself.
		 * @param <T> the resource type
		 * @param resource the resource
		 * @param adapter creates the teardown for the resource
		 * @return this builder
		 */
		public <T> Builder weak(T resource, Function<? super T, Teardown> adapter) {
			WeakReference<T> reference = new WeakReference<>(resource);
			this.teardown = null;
			this.weakTeardown = () -> {
				T referent = reference.get();
				return (referent != null) ? adapter.apply(referent) : null;
			};
			this.reference = reference;
			return this;
		}

		/**
		 * Set the outbound calls tracked on this participant: the engine waits for them
		 * before a graceful close, and counts them as in use where the pool cannot tell.
		 * @param inFlight the calls
		 * @return this builder
		 */
		public Builder inFlight(InFlightSource inFlight) {
			this.inFlight = Objects.requireNonNull(inFlight, "inFlight must not be null");
			return this;
		}

		/**
		 * Set which live threads belong to the resource. The predicate must not hold the
		 * resource.
		 * @param threads the predicate
		 * @return this builder
		 */
		public Builder threads(Predicate<Thread> threads) {
			this.threads = threads;
			return this;
		}

		/**
		 * Mark the resource as found by the starter, not named by the application, though
		 * held strongly (see {@link Participant#isCaptured()}); one held
		 * {@linkplain #weak weakly} is captured anyway.
		 * @return this builder
		 */
		public Builder captured() {
			this.captured = true;
			return this;
		}

		/**
		 * Build the participant.
		 * @return the participant
		 */
		public Participant build() {
			return new Participant(this, this.name);
		}

	}

}
