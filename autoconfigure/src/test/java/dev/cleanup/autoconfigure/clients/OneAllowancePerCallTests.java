package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One allowance per call: a call in flight at shutdown may take the drain timeout from
 * the start of shutdown, and once that is over it is cut and no later stage waits for it
 * again. A stuck upstream costs the drain timeout plus the forced bounds, not the drain,
 * close and dispose timeouts in a row.
 *
 * @author cleanup contributors
 */
class OneAllowancePerCallTests {

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration FORCED_BOUNDS = Duration.ofMillis(2 * 1100);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newCachedThreadPool();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withPropertyValues("spring.http.clients.imperative.factory=http-components",
				"spring.http.clients.reactive.connector=reactor");

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.upstream.close();
	}

	@Test
	void stuckUpstreamIsWaitedForOnceAndEveryStuckCallIsNamedAsCut() {
		this.contextRunner.withPropertyValues("cleanup.drain.timeout=3s", "cleanup.close.timeout=2s").run((context) -> {
			startCalls(context, "/hang?token=secret", 2);
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			long start = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			System.out
				.println("Stuck upstream, drain 3 s, close 2 s, dispose 5 s: shutdown took " + took.toMillis() + " ms");
			assertThat(took).isLessThan(Duration.ofSeconds(3).plus(FORCED_BOUNDS).plus(SLACK));
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.cutCalls()).hasSize(4).allSatisfy((cut) -> {
				assertThat(cut.uri()).endsWith("/hang?token=******");
				assertThat(cut.reason()).contains("allowance");
			});
			assertThat(report.cutCalls()).extracting(CutCall::client)
				.containsExactlyInAnyOrder("http-client-apache", "http-client-apache", "reactor-http", "reactor-http");
			assertThat(report.results()).filteredOn((result) -> result.name().equals("http-client-apache"))
				.extracting(CloseResult::outcome)
				.containsOnly(Outcome.FORCED);
			// Spring's factory disposed the global resources at its stop, after the drain
			// had cut their calls: the starter's dispose found nothing left
			assertThat(report.results()).filteredOn((result) -> result.name().equals("reactor-http"))
				.singleElement()
				.satisfies((result) -> assertThat(result.detail())
					.startsWith("disposed by Spring's ReactorResourceFactory at its stop, quiet period 50 ms"));
		});
	}

	@Test
	void participantTimeoutLongerThanTheDrainLetsItsCallsFinish() {
		this.contextRunner
			.withPropertyValues("cleanup.drain.timeout=500ms", "cleanup.resources.http-client-apache.timeout=6s")
			.run((context) -> {
				List<CompletableFuture<String>> calls = startCalls(context, "/delay/2500", 1);
				ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
				context.close();
				// this client's calls may take 6 s: the drain's 500 ms does not cut it
				assertThat(calls.get(0)).isCompletedWithValue("done /delay/2500");
				ShutdownReport report = coordinator.report();
				assertThat(report).isNotNull();
				assertThat(report.cutCalls()).extracting(CutCall::client).doesNotContain("http-client-apache");
			});
	}

	private List<CompletableFuture<String>> startCalls(AssertableApplicationContext context, String path, int each) {
		RestClient restClient = context.getBean(RestClient.Builder.class).build();
		WebClient webClient = context.getBean(WebClient.Builder.class).build();
		List<CompletableFuture<String>> calls = new java.util.ArrayList<>();
		for (int i = 0; i < each; i++) {
			calls.add(CompletableFuture.supplyAsync(
					() -> restClient.get().uri(this.upstream.uri(path)).retrieve().body(String.class),
					this.background));
			calls.add(webClient.get().uri(this.upstream.uri(path)).retrieve().bodyToMono(String.class).toFuture());
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> context.getBean(InFlightCalls.class).inFlightCount() == 2 * each);
		return calls;
	}

}
