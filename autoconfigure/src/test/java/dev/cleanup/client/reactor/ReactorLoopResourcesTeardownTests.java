package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.Stage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.test.LiveThreadNames;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ReactorLoopResourcesTeardown}, with a real Reactor Netty client on
 * loops of its own against a real server on 127.0.0.1.
 *
 * @author cleanup contributors
 */
class ReactorLoopResourcesTeardownTests {

	private static final AtomicInteger count = new AtomicInteger();

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration NETTY_TIMEOUT = Duration.ofSeconds(15);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final TrackedCalls calls = new TrackedCalls();

	private final String prefix = "cleanup-loops-" + count.incrementAndGet();

	private final LoopResources loops = LoopResources.create(this.prefix, 2, true);

	private final ConnectionProvider provider = ConnectionProvider.create("cleanup-loops-test", 4);

	private final HttpClient client = HttpClient.create(this.provider).runOn(this.loops);

	@AfterEach
	void stop() throws Exception {
		this.upstream.close();
		// Most tests have ended the loops under the pool's idle connections: the teardown
		// copes with that, a bare disposeLater() may not
		new ReactorConnectionProviderTeardown(this.provider).closeGracefully(Deadline.after(Duration.ofSeconds(5)));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	@Test
	void idleLoopsAreDisposedWithoutQuietPeriod() throws Exception {
		assertThat(this.calls.get(this.client, this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.isEqualTo("200 done /delay/0");
		assertThat(LiveThreadNames.startingWith(this.prefix)).isNotEmpty();
		ReactorLoopResourcesTeardown teardown = teardown(ReactorQuietPeriod.zeroWhenIdle(null, this.calls));
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Idle loops disposed with quiet period " + teardown.quietPeriodUsed() + " in "
				+ took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		assertThat(teardown.isDisposed()).isTrue();
		assertThat(took).isLessThan(Duration.ofMillis(1500));
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(this.prefix).isEmpty());
	}

	@Test
	void userQuietPeriodIsUsed() throws Exception {
		assertThat(this.calls.get(this.client, this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		ReactorLoopResourcesTeardown teardown = teardown(
				ReactorQuietPeriod.zeroWhenIdle(Duration.ofSeconds(1), this.calls));
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println(
				"Loops disposed with quiet period " + teardown.quietPeriodUsed() + " in " + took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ofSeconds(1));
		// Netty keeps the loops for the whole quiet period
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(this.prefix).isEmpty());
	}

	@Test
	void callInFlightCompletesBeforeTheLoopsAreDisposed() throws Exception {
		CompletableFuture<String> call = this.calls.get(this.client, this.upstream.uri("/delay/800"));
		awaitUpstreamActive();
		ReactorLoopResourcesTeardown teardown = teardown(ReactorQuietPeriod.zeroWhenIdle(null, this.calls));
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(call).isCompletedWithValue("200 done /delay/800");
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(this.prefix).isEmpty());
	}

	@Test
	void callThatNeverEndsIsCutByTheForcedClose() throws Exception {
		CompletableFuture<String> call = this.calls.get(this.client, this.upstream.uri("/hang"));
		awaitUpstreamActive();
		ReactorLoopResourcesTeardown teardown = teardown(ReactorQuietPeriod.zeroWhenIdle(null, this.calls));
		Duration timeout = Duration.ofMillis(500);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, timeout);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Loops with a hanging call forced in " + took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.FORCED);
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		assertThat(took).isLessThan(timeout.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS));
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(this.prefix).isEmpty());
	}

	@Test
	void longQuietPeriodIsCutToTheDeadline() throws Exception {
		assertThat(this.calls.get(this.client, this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		ReactorLoopResourcesTeardown teardown = teardown(
				ReactorQuietPeriod.zeroWhenIdle(Duration.ofSeconds(30), this.calls));
		Duration timeout = Duration.ofSeconds(1);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, timeout);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Loops with a 30 s quiet period and a 1 s budget ended " + result.outcome() + " in "
				+ took.toMillis() + " ms, quiet period used " + teardown.quietPeriodUsed());
		// Netty ends the loops when its timeout, cut to the deadline, passes
		assertThat(result.outcome()).isIn(Outcome.GRACEFUL, Outcome.FORCED);
		assertThat(teardown.quietPeriodUsed()).isLessThanOrEqualTo(timeout);
		assertThat(took).isLessThan(timeout.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(this.prefix).isEmpty());
	}

	@Test
	void disposingTwiceIsHarmless() throws Exception {
		assertThat(this.calls.get(this.client, this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		ReactorLoopResourcesTeardown teardown = teardown(ReactorQuietPeriod.of(Duration.ZERO));
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(5)))).isTrue();
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(5)))).isTrue();
		assertThat(teardown.closeForcibly()).isTrue();
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		assertThat(this.loops.isDisposed()).isTrue();
	}

	@Test
	void forcedCloseAloneDisposesWithoutQuietPeriod() throws Exception {
		assertThat(this.calls.get(this.client, this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		ReactorLoopResourcesTeardown teardown = teardown(ReactorQuietPeriod.of(Duration.ofSeconds(5)));
		assertThat(teardown.closeForcibly()).isTrue();
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(this.prefix).isEmpty());
	}

	@Test
	void usageReportsTheCallsInFlight() throws Exception {
		Participant participant = this.calls.participant(teardown(ReactorQuietPeriod.of(Duration.ZERO)));
		assertThat(participant.usage().inUse()).isZero();
		CompletableFuture<String> call = this.calls.get(this.client, this.upstream.uri("/delay/300"));
		awaitUpstreamActive();
		assertThat(participant.usage().inUse()).isEqualTo(1);
		call.get(5, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(() -> participant.usage().inUse() == 0);
	}

	@Test
	void timeoutMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReactorLoopResourcesTeardown(this.loops,
				ReactorQuietPeriod.of(Duration.ZERO), Duration.ZERO));
	}

	private ReactorLoopResourcesTeardown teardown(ReactorQuietPeriod quietPeriod) {
		return new ReactorLoopResourcesTeardown(this.loops, quietPeriod, NETTY_TIMEOUT);
	}

	private void awaitUpstreamActive() {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.upstream.active() == 1);
	}

}
