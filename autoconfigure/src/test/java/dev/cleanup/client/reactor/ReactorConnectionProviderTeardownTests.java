package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.Stage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ReactorConnectionProviderTeardown}, with a real Reactor Netty client
 * on a provider and loops of its own against a real server on 127.0.0.1.
 *
 * @author cleanup contributors
 */
class ReactorConnectionProviderTeardownTests {

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final TrackedCalls calls = new TrackedCalls();

	private final LoopResources loops = LoopResources.create("cleanup-provider-test", 2, true);

	private final ConnectionProvider provider = ConnectionProvider.create("cleanup-provider-test", 4);

	private final HttpClient client = HttpClient.create(this.provider).runOn(this.loops);

	@AfterEach
	void stop() {
		this.upstream.close();
		this.provider.disposeLater().block(Duration.ofSeconds(5));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	@Test
	void callInFlightCompletesBeforeTheProviderIsDisposed() throws Exception {
		CompletableFuture<String> call = this.calls.get(this.client, this.upstream.uri("/delay/800"));
		awaitUpstreamActive();
		ReactorConnectionProviderTeardown teardown = new ReactorConnectionProviderTeardown(this.provider);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.CLOSE, Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Provider with a call in flight closed in " + took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(call).isCompletedWithValue("200 done /delay/800");
		assertThat(teardown.isDisposed()).isTrue();
		assertThat(took).isLessThan(Duration.ofMillis(800).plus(SLACK));
	}

	@Test
	void callThatNeverEndsIsForcedAndEndsWithItsLoops() throws Exception {
		CompletableFuture<String> call = this.calls.get(this.client, this.upstream.uri("/hang"));
		awaitUpstreamActive();
		ReactorConnectionProviderTeardown teardown = new ReactorConnectionProviderTeardown(this.provider);
		Duration timeout = Duration.ofMillis(500);
		long start = System.nanoTime();
		CloseResult result = this.calls.close(teardown, Stage.CLOSE, timeout);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.println("Provider with a hanging call forced in " + took.toMillis() + " ms");
		assertThat(result.outcome()).isEqualTo(Outcome.FORCED);
		assertThat(result.detail()).contains("still in use");
		assertThat(took).isGreaterThanOrEqualTo(timeout)
			.isLessThan(timeout.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		// As documented: disposing the provider does not close a connection in use...
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !call.isDone());
		// ...disposing its loops does
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(PrematureCloseException.class);
	}

	@Test
	void closingTwiceIsHarmless() throws Exception {
		assertThat(this.calls.get(this.client, this.upstream.uri("/delay/0")).get(5, TimeUnit.SECONDS))
			.isEqualTo("200 done /delay/0");
		ReactorConnectionProviderTeardown teardown = new ReactorConnectionProviderTeardown(this.provider);
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(5)))).isTrue();
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(5)))).isTrue();
		assertThat(teardown.closeForcibly()).isTrue();
		assertThat(teardown.isDisposed()).isTrue();
	}

	@Test
	void usageReportsTheCallsInFlight() throws Exception {
		Participant participant = this.calls.participant(new ReactorConnectionProviderTeardown(this.provider));
		assertThat(participant.usage().inUse()).isZero();
		CompletableFuture<String> call = this.calls.get(this.client, this.upstream.uri("/delay/300"));
		awaitUpstreamActive();
		assertThat(participant.usage().inUse()).isEqualTo(1);
		assertThat(participant.usage().isBusy()).isTrue();
		call.get(5, TimeUnit.SECONDS);
		await().atMost(Duration.ofSeconds(5)).until(() -> participant.usage().inUse() == 0);
	}

	private void awaitUpstreamActive() {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.upstream.active() == 1);
	}

}
