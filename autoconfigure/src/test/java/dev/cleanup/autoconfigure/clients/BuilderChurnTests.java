package dev.cleanup.autoconfigure.clients;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.cleanup.actuate.CleanupEndpoint;
import dev.cleanup.autoconfigure.CleanupWebClients;
import dev.cleanup.autoconfigure.CleanupEndpointAutoConfiguration;
import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builder churn: an application that injects Boot's builder for every call (a common
 * shape) creates a pool each time. The starter holds those pools weakly, so its own
 * structures stay as large as the set of live pools, and the endpoint stays within its
 * caps; clients whose threads keep them alive (Jetty's) are all closed at shutdown.
 *
 * @author cleanup contributors
 */
class BuilderChurnTests {

	private static final int THREADS = 4;

	/**
	 * The upstream's own event loops: on Reactor Netty's global ones, which the starter
	 * disposes when the Reactor case's context closes, it could not be stopped.
	 */
	private final LoopResources upstreamLoops = LoopResources.create("churn-upstream", 1, true);

	/**
	 * An upstream that answers at once, on Reactor Netty: the JDK's own server answers
	 * Reactor Netty's keep-alive calls some 20 ms late each.
	 */
	private final DisposableServer upstream = HttpServer.create()
		.runOn(this.upstreamLoops)
		.host("127.0.0.1")
		.port(0)
		.route((routes) -> routes.get("/ok", (request, response) -> response.sendString(Mono.just("ok"))))
		.bindNow();

	private final URI ok = URI.create("http://127.0.0.1:" + this.upstream.port() + "/ok");

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.upstream.disposeNow();
		this.upstreamLoops.disposeLater().block(Duration.ofSeconds(10));
	}

	@ParameterizedTest(name = "{0}: {1} builders")
	@CsvSource({ "http-components, 10000", "jdk, 10000", "reactor, 10000" })
	void injectedBuildersKeepTheStartersStructuresBounded(String factory, int builders) {
		contextRunner(factory).run((context) -> {
			long start = System.nanoTime();
			injectAndCall(context, builders);
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			int before = registry.size();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				System.gc();
				assertThat(registry.participants()).hasSizeLessThan(builders / 10);
			});
			CleanupEndpoint.CleanupDescriptor shown = endpoint(context).cleanup(SecurityContext.NONE);
			assertThat(shown.participants()).hasSizeLessThanOrEqualTo(200);
			assertThat(shown.participants().size() + shown.leftOut().participants())
				.isEqualTo(registry.participants().size());
			assertThat(context.getBean(InFlightCalls.class).namedClients()).isEmpty();
			System.out.printf(
					"Builder churn, %s: %d builders with a call each in %d ms; participants held %d, "
							+ "live after GC %d; heap used after GC %d MB%n",
					factory, builders, Duration.ofNanos(System.nanoTime() - start).toMillis(), before,
					registry.participants().size(), usedHeapMegabytes());
		});
	}

	@ParameterizedTest(name = "{0}: {1} builders")
	@CsvSource({ "jetty, 200, HttpClient@, http-client-jetty", "apache-async, 200, httpclient-, apache-async" })
	void clientsWhoseThreadsOutliveThemAreAllClosedAtShutdown(String stack, int builders, String threadPrefix,
			String participant) {
		contextRunner(stack.equals("jetty") ? "jetty" : "http-components").run((context) -> {
			int threadsBefore = threads(threadPrefix);
			if (stack.equals("jetty")) {
				injectAndCall(context, builders);
			}
			else {
				adoptAndCall(context, builders);
			}
			int threadsWith = threads(threadPrefix);
			// nothing references the clients any more: their threads still run, so they
			// must still be closed
			System.gc();
			System.gc();
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.close();
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.results()).filteredOn((result) -> result.name().startsWith(participant))
				.hasSize(builders)
				.extracting(CloseResult::outcome)
				.containsOnly(Outcome.GRACEFUL);
			await().atMost(Duration.ofSeconds(30)).until(() -> threads(threadPrefix) == threadsBefore);
			System.out.printf(
					"Builder churn, %s: %d clients held %d live threads (%.1f per client); "
							+ "all closed at shutdown, threads back to %d%n",
					stack, builders, threadsWith - threadsBefore, (threadsWith - threadsBefore) / (double) builders,
					threads(threadPrefix));
		});
	}

	private ApplicationContextRunner contextRunner(String factory) {
		return new ApplicationContextRunner()
			.withConfiguration(ClientAutoConfigurations.with(CleanupEndpointAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory,
					"spring.http.clients.reactive.connector=" + factory,
					"management.endpoints.web.exposure.include=cleanup");
	}

	private void injectAndCall(AssertableApplicationContext context, int builders) throws Exception {
		List<Future<?>> batches = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			batches.add(this.threads.submit(() -> {
				for (int i = 0; i < builders / THREADS; i++) {
					RestClient client = context.getBean(RestClient.Builder.class).build();
					client.get().uri(this.ok).retrieve().body(String.class);
					if (i % 500 == 0) {
						System.gc();
					}
				}
				return null;
			}));
		}
		for (Future<?> batch : batches) {
			batch.get();
		}
	}

	private static CleanupEndpoint endpoint(AssertableApplicationContext context) {
		return context.getBean(CleanupEndpoint.class);
	}

	/**
	 * Apache's async clients, each built on a connector of its own and handed over by
	 * name: Boot's WebClient builders share one connector.
	 */
	private void adoptAndCall(AssertableApplicationContext context, int clients) {
		CleanupWebClients cleanup = context.getBean(CleanupWebClients.class);
		ClientHttpConnectorBuilder<?> connectors = context.getBean(ClientHttpConnectorBuilder.class);
		for (int i = 0; i < clients; i++) {
			WebClient client = cleanup.adopt("apache-async",
					WebClient.builder().clientConnector(connectors.build()).build());
			client.get().uri(this.ok).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
		}
	}

	private static int threads(String prefix) {
		return (int) Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
			.count();
	}

	private static long usedHeapMegabytes() {
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
	}

}
