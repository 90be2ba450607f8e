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
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Cloud OpenFeign on Apache HttpClient 5 ({@code feign-hc5}), which hands its
 * client a connection manager bean of its own: Feign calls in flight at shutdown
 * complete, are listed under the Feign client's name, and the client and its manager
 * close gracefully once they did; a stuck call is named as cut.
 *
 * @author cleanup contributors
 */
class OpenFeignTests {

	private static final int CALLS = 5;

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.upstream.close();
	}

	@Test
	void feignCallsInFlightAtShutdownCompleteAndThePoolClosesGracefully() {
		ConfigurableApplicationContext context = start();
		UpstreamClient client = context.getBean(UpstreamClient.class);
		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			calls.add(CompletableFuture.supplyAsync(() -> client.delay(1500, "x"), this.background));
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.upstream.active() == CALLS);
		assertThat(CloudApps.inFlightClients(context)).hasSize(CALLS).containsOnly("upstream");
		assertThat(context.getBean(PoolingHttpClientConnectionManager.class).getTotalStats().getLeased())
			.isEqualTo(CALLS);
		assertThat(CloudApps.participantNames(context)).contains("hc5ConnectionManager", "httpClient5");
		ShutdownReport report = CloudApps.close(context);
		assertThat(calls).allSatisfy((call) -> assertThat(call).isCompletedWithValue("done /delay/1500"));
		assertThat(report.cutCalls()).isEmpty();
		assertThat(CloudApps.results(report, "httpClient5", "hc5ConnectionManager")).hasSize(2)
			.extracting(CloseResult::outcome)
			.containsOnly(Outcome.GRACEFUL);
	}

	@Test
	void stuckFeignCallsAreNamedAsCut() {
		ConfigurableApplicationContext context = start("--cleanup.drain.timeout=500ms", "--cleanup.close.timeout=500ms",
				"--cleanup.dispose.timeout=500ms");
		UpstreamClient client = context.getBean(UpstreamClient.class);
		for (int i = 0; i < CALLS; i++) {
			CompletableFuture.runAsync(() -> client.hang("secret"), this.background);
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.upstream.active() == CALLS);
		ShutdownReport report = CloudApps.close(context);
		assertThat(report.cutCalls()).hasSize(CALLS).allSatisfy((cut) -> {
			assertThat(cut.client()).isEqualTo("upstream");
			assertThat(cut.uri()).endsWith("/hang?token=******");
		});
	}

	private ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(FeignApplication.class).web(WebApplicationType.NONE)
			.properties("upstream.url=" + this.upstream.uri(""), "spring.cloud.openfeign.httpclient.hc5.enabled=true",
					"spring.jmx.enabled=true", "spring.jmx.unique-names=true",
					"management.endpoints.jmx.exposure.include=cleanup",
					// the gateway on the class path is for GatewayTests
					"spring.cloud.gateway.server.webflux.enabled=false")
			.run(args);
	}

	@FeignClient(name = "upstream", url = "${upstream.url}")
	interface UpstreamClient {

		@GetMapping("/delay/{millis}")
		String delay(@PathVariable("millis") long millis, @RequestParam("token") String token);

		@GetMapping("/hang")
		String hang(@RequestParam("token") String token);

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableFeignClients(clients = UpstreamClient.class)
	static class FeignApplication {

	}

}
