package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call that fails because the starter closed its pool counts as cut, whenever that
 * close runs: here a failed startup, which closes the pools of the beans created so far
 * while calls a bean started are still in flight on them. Each of them fails, and each is
 * named as cut, with its client and its sanitized URI, and none is left out.
 *
 * @author cleanup contributors
 */
class StarterClosedPoolsTests {

	private static final int CALLS = 3;

	private static final SlowUpstream upstream = SlowUpstream.start();

	private static final ExecutorService background = Executors.newCachedThreadPool();

	private static final AtomicReference<InFlightCalls> calls = new AtomicReference<>();

	private static final AtomicReference<List<CompletableFuture<String>>> started = new AtomicReference<>();

	@AfterAll
	static void stop() {
		background.shutdownNow();
		upstream.close();
	}

	@Test
	void callsFailingBecauseAFailedStartupClosedTheirPoolAreNamedAsCut() {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withUserConfiguration(CallsThenFailure.class)
			.run((context) -> assertThat(context).hasFailed());
		assertThat(started.get()).hasSize(CALLS);
		// the calls fail once their pool is closed: Boot alone leaves them hanging
		await().atMost(Duration.ofSeconds(20))
			.until(() -> started.get().stream().allMatch(CompletableFuture::isCompletedExceptionally));
		await().atMost(Duration.ofSeconds(10)).until(() -> calls.get().cutCalls().size() == CALLS);
		assertThat(calls.get().cutCalls()).allSatisfy((cut) -> {
			// a client built from Boot's builder is tracked on the pool captured from it
			assertThat(cut.client()).isEqualTo("http-client-apache");
			assertThat(cut.uri()).endsWith("/hang?token=******");
		});
		assertThat(calls.get().cutCalls()).extracting(CutCall::method).containsOnly("GET");
		assertThat(calls.get().inFlightCount()).isZero();
	}

	@Test
	void callsFailingBecauseTheStarterForcedTheirPoolBeforeTheirAllowancePassedAreNamedAsCut() {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withUserConfiguration(HandBuiltClient.class)
			.withPropertyValues("cleanup.close.timeout=1s")
			.run((context) -> {
				RestClient payments = context.getBean("payments", RestClient.class);
				List<CompletableFuture<String>> inFlight = IntStream.range(0, CALLS)
					.mapToObj((i) -> CompletableFuture.supplyAsync(
							() -> payments.get().uri("/hang?token=secret").retrieve().body(String.class), background))
					.toList();
				await().atMost(Duration.ofSeconds(10)).until(() -> upstream.active() == CALLS);
				ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
				InFlightCalls inFlightCalls = context.getBean(InFlightCalls.class);
				// the bean's pool closed without the drain: the calls keep the drain's
				// allowance (10 s), and the close is forced after 1 s, while they still
				// have it
				coordinator.startShutdown();
				assertThat(coordinator.closeNow("paymentsHttpClient")).singleElement()
					.satisfies((result) -> assertThat(result.outcome()).isEqualTo(Outcome.FORCED));
				await().atMost(Duration.ofSeconds(10))
					.until(() -> inFlight.stream().allMatch(CompletableFuture::isCompletedExceptionally));
				assertThat(inFlightCalls.cutCalls()).hasSize(CALLS).allSatisfy((cut) -> {
					assertThat(cut.client()).isEqualTo("paymentsHttpClient");
					assertThat(cut.uri()).endsWith("/hang?token=******");
					assertThat(cut.reason()).startsWith("failed after its pool started closing");
				});
				assertThat(inFlightCalls.namedClient("paymentsHttpClient").cutCount()).isEqualTo(CALLS);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class HandBuiltClient {

		@Bean(destroyMethod = "close")
		CloseableHttpClient paymentsHttpClient() {
			return HttpClients.custom()
				.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build())
				.build();
		}

		@Bean
		RestClient payments(CloseableHttpClient paymentsHttpClient) {
			return RestClient.builder()
				.baseUrl(upstream.uri("").toString())
				.requestFactory(new HttpComponentsClientHttpRequestFactory(paymentsHttpClient))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CallsThenFailure {

		@Bean
		RestClient payments(RestClient.Builder builder) {
			return builder.baseUrl(upstream.uri("").toString()).build();
		}

		@Bean
		Object callsInFlight(RestClient payments, InFlightCalls inFlightCalls) {
			calls.set(inFlightCalls);
			started.set(IntStream.range(0, CALLS)
				.mapToObj((i) -> CompletableFuture.supplyAsync(
						() -> payments.get().uri("/hang?token=secret").retrieve().body(String.class), background))
				.toList());
			await().atMost(Duration.ofSeconds(10)).until(() -> upstream.active() == CALLS);
			return new Object();
		}

		@Bean
		@DependsOn("callsInFlight")
		Object failsAfterTheCallsStarted() {
			throw new IllegalStateException("a later bean fails: startup fails");
		}

	}

}
