package dev.cleanup.cloud;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Cloud Gateway's server on WebFlux: its proxy client, a Reactor Netty
 * {@code HttpClient} bean on a private pool, is a participant of its own, its proxied
 * calls are listed while in flight, it closes gracefully once they completed, and proxied
 * calls to a stuck upstream are named as cut.
 *
 * @author cleanup contributors
 */
class GatewayTests {

	private static final int CALLS = 3;

	private static final String PROXY_CLIENT = "gatewayHttpClientFactory";

	private final SlowUpstream upstream = SlowUpstream.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void proxiedCallsInFlightAtShutdownCompleteAndTheProxyPoolClosesGracefully() {
		ConfigurableApplicationContext context = start();
		List<CompletableFuture<HttpResponse<String>>> calls = send(context, "/delay/1500");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.upstream.active() == CALLS);
		assertThat(CloudApps.inFlightClients(context)).hasSize(CALLS).containsOnly(PROXY_CLIENT);
		ShutdownReport report = CloudApps.close(context);
		assertThat(calls).allSatisfy((call) -> assertThat(call.join().body()).isEqualTo("done /delay/1500"));
		assertThat(report.cutCalls()).isEmpty();
		assertThat(CloudApps.results(report, PROXY_CLIENT)).extracting(CloseResult::stage, CloseResult::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(dev.cleanup.core.Stage.CLOSE, Outcome.GRACEFUL));
	}

	@Test
	void proxiedCallsToAStuckUpstreamAreNamedAsCut() {
		ConfigurableApplicationContext context = start("--spring.lifecycle.timeout-per-shutdown-phase=1s",
				"--cleanup.drain.timeout=500ms", "--cleanup.close.timeout=500ms", "--cleanup.dispose.timeout=500ms");
		send(context, "/hang?token=secret");
		await().atMost(Duration.ofSeconds(15)).until(() -> this.upstream.active() == CALLS);
		ShutdownReport report = CloudApps.close(context);
		assertThat(report.cutCalls()).hasSize(CALLS).allSatisfy((cut) -> {
			assertThat(cut.client()).isEqualTo(PROXY_CLIENT);
			assertThat(cut.uri()).endsWith("/hang?token=******");
		});
	}

	private ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(GatewayApplication.class)
			.properties("server.port=0", "server.address=127.0.0.1",
					"spring.cloud.gateway.server.webflux.routes[0].id=upstream",
					"spring.cloud.gateway.server.webflux.routes[0].uri=" + this.upstream.uri(""),
					"spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/delay/**,/hang",
					"spring.jmx.enabled=true", "spring.jmx.unique-names=true",
					"management.endpoints.jmx.exposure.include=cleanup")
			.run(args);
	}

	private List<CompletableFuture<HttpResponse<String>>> send(ConfigurableApplicationContext context,
			String pathAndQuery) {
		// read as on every Boot line: the web server context type moved in Boot 4
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			calls.add(this.http.sendAsync(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		return calls;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class GatewayApplication {

	}

}
