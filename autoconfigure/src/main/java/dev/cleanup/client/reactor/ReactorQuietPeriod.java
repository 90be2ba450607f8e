package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.Objects;

import dev.cleanup.core.InFlightSource;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;

/**
 * The quiet period to dispose Reactor Netty event loops with, decided when the disposal
 * starts. Netty's quiet period lets late tasks run before the loops end; it costs its
 * full length even when nothing is left to run, so it is skipped when nothing is in
 * flight and the user did not ask for one.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ReactorQuietPeriod {

	/**
	 * Reactor Netty's default quiet period ({@code reactor.netty.ioShutdownQuietPeriod},
	 * 2 s unless set), which Spring's {@code ReactorResourceFactory} also uses.
	 */
	public static final Duration REACTOR_DEFAULT = Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_QUIET_PERIOD);

	private static final InFlightSource NOTHING_IN_FLIGHT = () -> 0;

	private final @Nullable Duration configured;

	private final InFlightSource inFlight;

	private ReactorQuietPeriod(@Nullable Duration configured, InFlightSource inFlight) {
		if (configured != null && configured.isNegative()) {
			throw new IllegalArgumentException("Quiet period must not be negative, was " + configured);
		}
		this.configured = configured;
		this.inFlight = inFlight;
	}

	/**
	 * Return a quiet period that is always the given one.
	 * @param quietPeriod the quiet period, zero or more
	 * @return the quiet period
	 */
	public static ReactorQuietPeriod of(Duration quietPeriod) {
		return new ReactorQuietPeriod(Objects.requireNonNull(quietPeriod, "quietPeriod must not be null"),
				NOTHING_IN_FLIGHT);
	}

	/**
	 * Return a quiet period that is the user's when set; otherwise zero when nothing is
	 * in flight, and {@link #REACTOR_DEFAULT} when something is.
	 * @param configured the user's quiet period (for example
	 * {@code spring.reactor.netty.shutdown-quiet-period}), or {@code null} if not set
	 * @param inFlight the calls in flight on the clients that use the loops
	 * @return the quiet period
	 */
	public static ReactorQuietPeriod zeroWhenIdle(@Nullable Duration configured, InFlightSource inFlight) {
		return new ReactorQuietPeriod(configured, Objects.requireNonNull(inFlight, "inFlight must not be null"));
	}

	/**
	 * Return the quiet period to use now.
	 * @return the user's quiet period if set, else zero when nothing is in flight, else
	 * {@link #REACTOR_DEFAULT}
	 */
	public Duration resolve() {
		if (this.configured != null) {
			return this.configured;
		}
		return (this.inFlight.inFlightCount() > 0) ? REACTOR_DEFAULT : Duration.ZERO;
	}

	/**
	 * Return the user's quiet period.
	 * @return the quiet period, or {@code null} if the user set none
	 */
	public @Nullable Duration configured() {
		return this.configured;
	}

	/**
	 * Describe a quiet period this choice led to, for the shutdown report.
	 * @param used the quiet period used
	 * @return for example {@code quiet period 0 ms, nothing in flight}
	 */
	public String describe(Duration used) {
		String why = (this.configured != null) ? "as configured"
				: used.isZero() ? "nothing in flight" : "calls in flight";
		return "quiet period " + used.toMillis() + " ms, " + why;
	}

	@Override
	public String toString() {
		return (this.configured != null) ? this.configured.toString() : "zero when idle, else " + REACTOR_DEFAULT;
	}

}
