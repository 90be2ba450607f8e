package dev.cleanup.core.plan;

import java.time.Duration;

/**
 * The worst-case time a shutdown can take: the longer of the web server's graceful drain
 * and the outbound drain (both count from the start of shutdown), plus the slowest close,
 * plus the slowest dispose, plus the fixed bounds of their forced closes. That worst case
 * needs calls that start during shutdown; with an upstream that stops answering, every
 * call in flight is cut once its allowance is over, so such a shutdown takes
 * {@link #stuckUpstream()}.
 *
 * @param inboundDrain the web server's graceful shutdown budget, zero without one
 * @param drain the outbound drain timeout, the allowance of a call in flight at shutdown
 * @param slowestClose the longest graceful timeout in the close stage
 * @param slowestDispose the longest graceful timeout in the dispose stage
 * @param longestAllowance the longest allowance of a call in flight at shutdown: the
 * drain timeout, or a participant's own longer timeout
 * @author cleanup contributors
 * @since 0.1.0
 */
public record ShutdownBudget(Duration inboundDrain, Duration drain, Duration slowestClose, Duration slowestDispose,
		Duration longestAllowance) {

	/**
	 * How long a forced close may take before it is abandoned.
	 */
	public static final Duration FORCE_TIMEOUT = Duration.ofSeconds(1);

	/**
	 * How long after its deadline a graceful close may still return before it counts as
	 * hung: a close that gives up exactly at its deadline is not a hang.
	 */
	public static final Duration RETURN_MARGIN = Duration.ofMillis(100);

	/**
	 * Create a budget where no participant gives its calls more than the drain timeout.
	 * @param inboundDrain the web server's graceful shutdown budget, zero without one
	 * @param drain the outbound drain timeout
	 * @param slowestClose the longest graceful timeout in the close stage
	 * @param slowestDispose the longest graceful timeout in the dispose stage
	 */
	public ShutdownBudget(Duration inboundDrain, Duration drain, Duration slowestClose, Duration slowestDispose) {
		this(inboundDrain, drain, slowestClose, slowestDispose, drain);
	}

	/**
	 * Return how long a shutdown takes when the upstream of every call in flight stops
	 * answering: each call is cut once its allowance is over, and each stage forces its
	 * pools at once.
	 * @return the longer of the inbound drain and the longest allowance, plus the forced
	 * bounds
	 */
	public Duration stuckUpstream() {
		Duration calls = (this.longestAllowance.compareTo(this.drain) > 0) ? this.longestAllowance : this.drain;
		Duration drains = (this.inboundDrain.compareTo(calls) > 0) ? this.inboundDrain : calls;
		return drains.plus(forcedBound()).plus(forcedBound());
	}

	/**
	 * Return the arithmetic behind {@link #stuckUpstream()}.
	 * @return for example {@code max(inbound drain 30000 ms, longest call allowance ...}
	 */
	public String stuckUpstreamArithmetic() {
		Duration calls = (this.longestAllowance.compareTo(this.drain) > 0) ? this.longestAllowance : this.drain;
		return "max(inbound drain " + ms(this.inboundDrain) + ", longest call allowance " + ms(calls)
				+ ") + 2 forced bounds of " + ms(forcedBound()) + " = " + ms(stuckUpstream());
	}

	/**
	 * Return the bound of one stage's forced closes, including the margin a graceful
	 * close may take to return.
	 * @return the forced bound per closing stage
	 */
	public static Duration forcedBound() {
		return FORCE_TIMEOUT.plus(RETURN_MARGIN);
	}

	/**
	 * Return the worst-case duration of the close stage.
	 * @return the slowest close plus its forced bound
	 */
	public Duration closeStage() {
		return this.slowestClose.plus(forcedBound());
	}

	/**
	 * Return the worst-case duration of the dispose stage.
	 * @return the slowest dispose plus its forced bound
	 */
	public Duration disposeStage() {
		return this.slowestDispose.plus(forcedBound());
	}

	/**
	 * Return the worst-case shutdown time.
	 * @return the worst case
	 */
	public Duration worstCase() {
		Duration drains = (this.inboundDrain.compareTo(this.drain) > 0) ? this.inboundDrain : this.drain;
		return drains.plus(closeStage()).plus(disposeStage());
	}

	/**
	 * Return the arithmetic behind {@link #worstCase()}, for logs and the endpoint.
	 * @return for example {@code max(inbound drain 30000 ms, drain 10000 ms) + close ...}
	 */
	public String arithmetic() {
		return "max(inbound drain " + ms(this.inboundDrain) + ", outbound drain " + ms(this.drain) + ") + close "
				+ ms(this.slowestClose) + " + dispose " + ms(this.slowestDispose) + " + 2 forced bounds of "
				+ ms(forcedBound()) + " = " + ms(worstCase());
	}

	private static String ms(Duration duration) {
		return duration.toMillis() + " ms";
	}

}
