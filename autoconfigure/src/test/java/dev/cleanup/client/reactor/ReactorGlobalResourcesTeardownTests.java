package dev.cleanup.client.reactor;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Stage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.test.LiveThreadNames;
import dev.cleanup.buildsupport.SlowUpstream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ReactorGlobalResourcesTeardown}, with a real Reactor Netty client on
 * the global resources against a real server on 127.0.0.1. The only tests that touch the
 * global resources: each starts and ends with none alive.
 *
 * @author cleanup contributors
 */
class ReactorGlobalResourcesTeardownTests {

	private static final String GLOBAL_THREADS = "reactor-http-";

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration NETTY_TIMEOUT = Duration.ofSeconds(15);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final TrackedCalls calls = new TrackedCalls();

	@BeforeEach
	@AfterEach
	void disposeGlobalResources() {
		disposeGlobalResourcesAsSpringDoes();
		await().atMost(Duration.ofSeconds(10)).until(() -> LiveThreadNames.startingWith(GLOBAL_THREADS).isEmpty());
	}

	@AfterEach
	void stopUpstream() {
		this.upstream.close();
	}

	@Test
	void callInFlightCompletesThenTheGlobalResourcesEndWithoutQuietPeriod() throws Exception {
		CompletableFuture<String> call = this.calls.get(HttpClient.create(), this.upstream.uri("/delay/800"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.upstream.active() == 1);
		assertThat(LiveThreadNames.startingWith(GLOBAL_THREADS)).isNotEmpty();
		assertThat(globalResources()).isNotNull();
		ReactorGlobalResourcesTeardown teardown = teardown(null);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Global resources with a call in flight closed in " + took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(call).isCompletedWithValue("200 done /delay/800");
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		assertThat(teardown.isDisposed()).isTrue();
		assertThat(took).isLessThan(Duration.ofMillis(800).plus(SLACK));
		assertThat(globalResources()).isNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(GLOBAL_THREADS).isEmpty());
	}

	@Test
	void idleGlobalResourcesEndQuickly() throws Exception {
		assertThat(this.calls.get(HttpClient.create(), this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.isEqualTo("200 done /delay/0");
		assertThat(LiveThreadNames.startingWith(GLOBAL_THREADS)).isNotEmpty();
		ReactorGlobalResourcesTeardown teardown = teardown(null);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Idle global resources disposed with quiet period " + teardown.quietPeriodUsed() + " in "
				+ took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		assertThat(took).isLessThan(Duration.ofMillis(1500));
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(GLOBAL_THREADS).isEmpty());
	}

	@Test
	void userQuietPeriodIsUsed() throws Exception {
		assertThat(this.calls.get(HttpClient.create(), this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		ReactorGlobalResourcesTeardown teardown = teardown(Duration.ofSeconds(1));
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Global resources disposed with quiet period " + teardown.quietPeriodUsed() + " in "
				+ took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ofSeconds(1));
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
	}

	@Test
	void callThatNeverEndsIsCutByTheForcedClose() throws Exception {
		CompletableFuture<String> call = this.calls.get(HttpClient.create(), this.upstream.uri("/hang"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.upstream.active() == 1);
		ReactorGlobalResourcesTeardown teardown = teardown(null);
		Duration timeout = Duration.ofMillis(500);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, timeout);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Global resources with a hanging call forced in " + took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.FORCED);
		assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
		assertThat(took).isGreaterThanOrEqualTo(timeout)
			.isLessThan(timeout.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS));
		assertThat(globalResources()).isNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(GLOBAL_THREADS).isEmpty());
	}

	@Test
	void closingTwiceNeverRecreatesTheGlobalResources() throws Exception {
		assertThat(this.calls.get(HttpClient.create(), this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		ReactorGlobalResourcesTeardown teardown = teardown(null);
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(5)))).isTrue();
		assertThat(globalResources()).isNull();
		assertThat(this.calls.participant(teardown).usage().inUse()).isZero();
		assertThat(teardown.isDisposed()).isTrue();
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(5)))).isTrue();
		assertThat(teardown.closeForcibly()).isTrue();
		assertThat(globalResources()).isNull();
		assertThat(LiveThreadNames.startingWith(GLOBAL_THREADS)).allMatch((name) -> false, "no global thread");
	}

	@Test
	void globalResourcesAlreadyDisposedElsewhereAreLeftAlone() throws Exception {
		assertThat(this.calls.get(HttpClient.create(), this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.startsWith("200");
		disposeGlobalResourcesAsSpringDoes();
		ReactorGlobalResourcesTeardown teardown = teardown(Duration.ofSeconds(1));
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		// Nothing was left to dispose, so the 1 s quiet period was never waited for
		assertThat(took).isLessThan(Duration.ofMillis(900));
		assertThat(globalResources()).isNull();
	}

	@Test
	void globalResourcesCannotBeClosedAsAProviderOrAsLoops() {
		HttpResources global = HttpResources.get();
		assertThatIllegalArgumentException().isThrownBy(() -> new ReactorConnectionProviderTeardown(global))
			.withMessageContaining("ReactorGlobalResourcesTeardown");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new ReactorLoopResourcesTeardown(global, ReactorQuietPeriod.of(Duration.ZERO), NETTY_TIMEOUT))
			.withMessageContaining("ReactorGlobalResourcesTeardown");
	}

	@Test
	void idleConnectionsAndNoQuietPeriodNeverFailTheDisposal() throws Exception {
		// disposed together with the loops, a pool could have its close of an idle
		// connection rejected by a loop that ended first
		for (int i = 0; i < 20; i++) {
			assertThat(this.calls.get(HttpClient.create(), this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
				.startsWith("200");
			ReactorGlobalResourcesTeardown teardown = teardown(null);
			CloseResult result = this.calls.close(teardown, Stage.DISPOSE, Duration.ofSeconds(5));
			assertThat(result.outcome()).as("attempt %d: %s", i, result.detail()).isEqualTo(Outcome.GRACEFUL);
			assertThat(teardown.quietPeriodUsed()).isEqualTo(Duration.ZERO);
			await().atMost(Duration.ofSeconds(5)).until(() -> LiveThreadNames.startingWith(GLOBAL_THREADS).isEmpty());
		}
	}

	private ReactorGlobalResourcesTeardown teardown(@Nullable Duration userQuietPeriod) {
		return new ReactorGlobalResourcesTeardown(ReactorQuietPeriod.zeroWhenIdle(userQuietPeriod, this.calls),
				NETTY_TIMEOUT);
	}

	/**
	 * Dispose the global resources as Spring's {@code ReactorResourceFactory} does, with
	 * a quiet period, which also keeps clear of Netty ending a loop before the pool has
	 * closed its idle connections on it.
	 */
	private static void disposeGlobalResourcesAsSpringDoes() {
		HttpResources.disposeLoopsAndConnectionsLater(Duration.ofMillis(100), Duration.ofSeconds(5))
			.block(Duration.ofSeconds(10));
	}

	/**
	 * Peek at the global resources without {@link HttpResources#get()}, which would
	 * create them.
	 */
	private static @Nullable Object globalResources() throws Exception {
		Field field = HttpResources.class.getDeclaredField("httpResources");
		field.setAccessible(true);
		return ((AtomicReference<?>) field.get(null)).get();
	}

}
