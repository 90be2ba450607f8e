package dev.cleanup.client.apache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Stage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.StageClose;
import dev.cleanup.buildsupport.SlowUpstream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ApacheClassicTeardown} with a real client against a real server on
 * 127.0.0.1.
 *
 * @author cleanup contributors
 */
class ApacheClassicTeardownTests {

	private static final Duration GRACEFUL_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final PoolingHttpClientConnectionManager connectionManager = PoolingHttpClientConnectionManagerBuilder
		.create()
		.build();

	private final CloseableHttpClient client = HttpClients.custom()
		.setConnectionManager(this.connectionManager)
		.build();

	private final AtomicInteger tracked = new AtomicInteger();

	private final ExecutorService callers = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "classic-caller");
		thread.setDaemon(true);
		return thread;
	});

	private final ApacheClassicTeardown teardown = new ApacheClassicTeardown(this.client, this.connectionManager);

	@AfterEach
	void closeAll() {
		this.client.close(CloseMode.IMMEDIATE);
		this.upstream.close();
		this.callers.shutdownNow();
	}

	@Test
	void callInFlightCompletesAndTheCloseIsGraceful() {
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		StageClose close = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, GRACEFUL_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(close.result().detail()).isNull();
		assertThat(call).succeedsWithin(WAIT).isEqualTo("200 done /delay/800");
		// it waited for the call rather than closing at once
		assertThat(close.took()).isGreaterThan(Duration.ofMillis(300)).isLessThan(GRACEFUL_TIMEOUT);
		assertThat(this.connectionManager.isClosed()).isTrue();
	}

	@Test
	void callStuckPastTheTimeoutIsCutAndTheCloseIsForced() {
		CompletableFuture<String> call = call("/hang");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		StageClose close = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, SHORT_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.FORCED);
		assertThat(close.result().detail()).contains("still in use");
		assertThat(close.took()).isGreaterThanOrEqualTo(SHORT_TIMEOUT)
			.isLessThan(SHORT_TIMEOUT.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		assertThat(call).failsWithin(WAIT).withThrowableOfType(ExecutionException.class);
		assertThat(this.connectionManager.isClosed()).isTrue();
	}

	@Test
	void usageCountsTheCallInUseAndThenTheIdleConnection() {
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(1, 0, 0, 25));
		assertThat(call).succeedsWithin(WAIT);
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 0);
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(0, 1, 0, 25));
	}

	@Test
	void closingTwiceIsHarmless() throws Exception {
		assertThat(call("/delay/10")).succeedsWithin(WAIT);
		StageClose first = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, GRACEFUL_TIMEOUT);
		StageClose second = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, GRACEFUL_TIMEOUT);
		assertThat(first.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(second.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(second.took()).isLessThan(SLACK);
		assertThat(this.teardown.closeForcibly()).isTrue();
		assertThat(this.teardown.closeGracefully(Deadline.after(Duration.ZERO))).isTrue();
		assertThat(this.teardown.usage().isBusy()).isFalse();
	}

	@Test
	void withoutTheConnectionManagerTheTrackedCallsAreWaitedFor() {
		Participant participant = StageClose.participant(Kind.APACHE_HTTPCLIENT5,
				new ApacheClassicTeardown(this.client, null), this.tracked::get);
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> participant.usage().equals(PoolUsage.inUse(1)));
		StageClose close = StageClose.run(Stage.CLOSE, participant, GRACEFUL_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(call).succeedsWithin(WAIT).isEqualTo("200 done /delay/800");
		assertThat(participant.usage()).isEqualTo(PoolUsage.inUse(0));
		// the client closed its own connection manager
		assertThat(this.connectionManager.isClosed()).isTrue();
	}

	private CompletableFuture<String> call(String path) {
		return CompletableFuture.supplyAsync(() -> {
			this.tracked.incrementAndGet();
			try {
				return this.client.execute(new HttpGet(this.upstream.uri(path)),
						(response) -> response.getCode() + " " + EntityUtils.toString(response.getEntity()));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				this.tracked.decrementAndGet();
			}
		}, this.callers);
	}

}
