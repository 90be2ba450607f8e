package dev.cleanup.cloud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackingClientHttpRequestInterceptor;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Cloud LoadBalancer as its documentation shows it: {@code @LoadBalanced} builder
 * beans of the application's own (Boot's builders back off) and a static instance list.
 * Background calls in flight at shutdown complete, each counted once, on the pool of its
 * client; a stuck call is named as cut.
 *
 * @author cleanup contributors
 */
class LoadBalancedBuildersTests {

	private static final int EACH = 3;

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.upstream.close();
	}

	@Test
	void backgroundCallsThroughLoadBalancedClientsCompleteAndThePoolsCloseGracefully() {
		ConfigurableApplicationContext context = start();
		List<CompletableFuture<String>> calls = startCalls(context, "/delay/1500");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.upstream.active() == 2 * EACH);
		// each load-balanced call counts once, however many interceptors and filters it
		// passes
		assertThat(context.getBean(InFlightCalls.class).inFlightCount()).isEqualTo(2 * EACH);
		assertThat(CloudApps.inFlightClients(context)).hasSize(2 * EACH)
			.allMatch((client) -> client.startsWith("http-client-apache") || client.equals("reactor-http"));
		ShutdownReport report = CloudApps.close(context);
		assertThat(calls).allSatisfy((call) -> assertThat(call).isCompletedWithValue("done /delay/1500"));
		assertThat(report.cutCalls()).isEmpty();
		assertThat(report.results()).filteredOn((result) -> result.name().startsWith("http-client-apache"))
			.hasSize(EACH)
			.extracting(CloseResult::outcome)
			.containsOnly(Outcome.GRACEFUL);
		assertThat(CloudApps.results(report, "reactor-http")).extracting(CloseResult::outcome)
			.containsExactly(Outcome.GRACEFUL);
	}

	@Test
	void trackingIsOutermostAroundTheLoadBalancer() {
		try (ConfigurableApplicationContext context = start()) {
			List<Object> interceptors = new ArrayList<>();
			context.getBean("lbRestClientBuilder", RestClient.Builder.class)
				.build()
				.mutate()
				.requestInterceptors(interceptors::addAll);
			assertThat(interceptors).hasSizeGreaterThanOrEqualTo(2)
				.first()
				.isInstanceOf(TrackingClientHttpRequestInterceptor.class);
			List<Object> filters = new ArrayList<>();
			context.getBean("lbWebClientBuilder", WebClient.Builder.class).build().mutate().filters(filters::addAll);
			assertThat(filters).hasSizeGreaterThanOrEqualTo(2)
				.first()
				.isInstanceOf(TrackingExchangeFilterFunction.class);
		}
	}

	@Test
	void callsToAStuckUpstreamAreNamedAsCut() {
		ConfigurableApplicationContext context = start("--cleanup.drain.timeout=500ms", "--cleanup.close.timeout=500ms",
				"--cleanup.dispose.timeout=500ms");
		startCalls(context, "/hang?token=secret");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.upstream.active() == 2 * EACH);
		ShutdownReport report = CloudApps.close(context);
		assertThat(report.cutCalls()).hasSize(2 * EACH)
			.extracting(CutCall::uri)
			.allSatisfy((uri) -> assertThat(uri).isEqualTo("http://upstream/hang?token=******"));
	}

	private ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(LoadBalancedApplication.class).web(WebApplicationType.NONE)
			.properties(
					"spring.cloud.discovery.client.simple.instances.upstream[0].uri="
							+ this.upstream.uri("").toString().replaceAll("/$", ""),
					"management.endpoints.access.default=read-only",
					"management.endpoints.jmx.exposure.include=cleanup", "spring.jmx.enabled=true",
					"spring.jmx.unique-names=true",
					// the gateway on the class path is for GatewayTests
					"spring.cloud.gateway.server.webflux.enabled=false")
			.run(args);
	}

	private List<CompletableFuture<String>> startCalls(ConfigurableApplicationContext context, String path) {
		RestClient restClient = context.getBean("lbRestClientBuilder", RestClient.Builder.class).build();
		WebClient webClient = context.getBean("lbWebClientBuilder", WebClient.Builder.class).build();
		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < EACH; i++) {
			RestClient client = (i == 0) ? restClient
					: context.getBean("lbRestClientBuilder", RestClient.Builder.class).build();
			calls.add(CompletableFuture.supplyAsync(
					() -> client.get().uri("http://upstream" + path).retrieve().body(String.class), this.background));
			calls.add(webClient.get().uri("http://upstream" + path).retrieve().bodyToMono(String.class).toFuture());
		}
		return calls;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LoadBalancedApplication {

		@Bean
		@LoadBalanced
		RestClient.Builder lbRestClientBuilder() {
			return RestClient.builder();
		}

		@Bean
		@LoadBalanced
		WebClient.Builder lbWebClientBuilder() {
			return WebClient.builder();
		}

	}

}
