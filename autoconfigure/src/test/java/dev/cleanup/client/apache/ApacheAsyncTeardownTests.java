package dev.cleanup.client.apache;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.cleanup.client.Pool;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.Teardown;
import dev.cleanup.core.StageClose;
import dev.cleanup.buildsupport.SlowUpstream;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ApacheAsyncTeardown} with a real client against a real server on
 * 127.0.0.1, closed directly and through Spring's connector.
 *
 * @author cleanup contributors
 */
class ApacheAsyncTeardownTests {

	private static final Duration GRACEFUL_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final PoolingAsyncClientConnectionManager connectionManager = PoolingAsyncClientConnectionManagerBuilder
		.create()
		.build();

	private final CloseableHttpAsyncClient client = HttpAsyncClients.custom()
		.setConnectionManager(this.connectionManager)
		.build();

	private final ApacheAsyncTeardown teardown = new ApacheAsyncTeardown(this.client, this.connectionManager);

	@AfterEach
	void closeAll() throws Exception {
		// closing a running client at once makes Apache log a ClosedSelectorException
		this.teardown.closeForcibly();
		this.upstream.close();
	}

	@Test
	void callInFlightCompletesAndTheCloseIsGraceful() {
		this.client.start();
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		StageClose close = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, GRACEFUL_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(close.result().detail()).isNull();
		assertThat(call).succeedsWithin(WAIT).isEqualTo("200 done /delay/800");
		assertThat(close.took()).isGreaterThan(Duration.ofMillis(300)).isLessThan(GRACEFUL_TIMEOUT);
		assertThat(this.client.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
		assertThat(this.connectionManager.isClosed()).isTrue();
	}

	@Test
	void callStuckPastTheTimeoutIsCutAndTheCloseIsForced() {
		this.client.start();
		CompletableFuture<String> call = call("/hang");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		StageClose close = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, SHORT_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.FORCED);
		assertThat(close.result().detail()).contains("still in use");
		assertThat(close.took()).isGreaterThanOrEqualTo(SHORT_TIMEOUT)
			.isLessThan(SHORT_TIMEOUT.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		// the caller is told, rather than left with a future that never completes
		assertThat(call).failsWithin(WAIT).withThrowableOfType(ExecutionException.class);
		assertThat(this.client.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
	}

	@Test
	void usageCountsTheCallInUseAndThenTheIdleConnection() {
		this.client.start();
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(1, 0, 0, 25));
		assertThat(call).succeedsWithin(WAIT);
		// the connection goes back to the pool shortly after the call completes
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 0);
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(0, 1, 0, 25));
	}

	@Test
	void closingTwiceIsHarmless() throws Exception {
		this.client.start();
		assertThat(call("/delay/10")).succeedsWithin(WAIT);
		StageClose first = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, GRACEFUL_TIMEOUT);
		StageClose second = StageClose.run(Kind.APACHE_HTTPCLIENT5, this.teardown, GRACEFUL_TIMEOUT);
		assertThat(first.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(second.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(second.took()).isLessThan(SLACK);
		assertThat(this.teardown.closeForcibly()).isTrue();
		assertThat(this.teardown.closeGracefully(Deadline.after(Duration.ZERO))).isTrue();
		assertThat(this.client.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
	}

	@Test
	void clientAndManagerFoundInsideSpringsConnectorCloseGracefullyAfterTheCallInFlight() throws Exception {
		try (HttpComponentsClientHttpConnector connector = new HttpComponentsClientHttpConnector(this.client)) {
			Teardown teardown = teardownFoundIn(connector);
			CompletableFuture<String> call = call("/delay/800");
			await().atMost(WAIT).until(() -> teardown.usage().inUse() == 1);
			StageClose close = StageClose.run(Kind.APACHE_HTTPCLIENT5, teardown, GRACEFUL_TIMEOUT);
			assertThat(close.result().outcome()).isEqualTo(Outcome.GRACEFUL);
			assertThat(call).succeedsWithin(WAIT).isEqualTo("200 done /delay/800");
			assertThat(close.took()).isGreaterThan(Duration.ofMillis(300)).isLessThan(GRACEFUL_TIMEOUT);
			assertThat(this.client.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
		}
	}

	@Test
	void clientFoundInsideSpringsConnectorIsForcedThroughItsConnectionManager() throws Exception {
		try (HttpComponentsClientHttpConnector connector = new HttpComponentsClientHttpConnector(this.client)) {
			Teardown teardown = teardownFoundIn(connector);
			CompletableFuture<String> call = call("/hang");
			await().atMost(WAIT).until(() -> teardown.usage().inUse() == 1);
			StageClose close = StageClose.run(Kind.APACHE_HTTPCLIENT5, teardown, SHORT_TIMEOUT);
			assertThat(close.result().outcome()).isEqualTo(Outcome.FORCED);
			assertThat(close.took()).isLessThan(SHORT_TIMEOUT.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
			assertThat(call).failsWithin(WAIT).withThrowableOfType(ExecutionException.class);
			assertThat(this.client.getStatus()).isEqualTo(IOReactorStatus.SHUT_DOWN);
		}
	}

	/**
	 * The teardown the stack makes for the client it finds inside a connector, with the
	 * manager it reads from the client.
	 */
	private Teardown teardownFoundIn(HttpComponentsClientHttpConnector connector) {
		Pool pool = new ApacheClientStack().poolOf(connector);
		assertThat(pool).isNotNull();
		assertThat(pool.resource()).isSameAs(this.client);
		return pool.teardown().apply(pool.resource(), InFlightSource.NONE);
	}

	private CompletableFuture<String> call(String path) {
		CompletableFuture<String> result = new CompletableFuture<>();
		this.client.execute(SimpleRequestBuilder.get(this.upstream.uri(path)).build(),
				new FutureCallback<SimpleHttpResponse>() {

					@Override
					public void completed(SimpleHttpResponse response) {
						result.complete(response.getCode() + " " + response.getBodyText());
					}

					@Override
					public void failed(Exception ex) {
						result.completeExceptionally(ex);
					}

					@Override
					public void cancelled() {
						result.cancel(false);
					}

				});
		return result;
	}

}
