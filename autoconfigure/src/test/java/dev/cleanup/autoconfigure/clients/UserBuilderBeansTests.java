package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builder beans the application defines, which make Boot's own builders back off (as
 * Spring Cloud LoadBalancer's documentation shows): every client built from them keeps
 * the pool Spring gives it, has its calls tracked on that pool, outermost, and the pool
 * is closed on shutdown. Reactor Netty's global resources, created by a client the
 * starter never saw built, are disposed too.
 *
 * @author cleanup contributors
 */
class UserBuilderBeansTests {

	private static final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newCachedThreadPool();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withUserConfiguration(UserBuilders.class);

	@AfterEach
	void stop() {
		this.background.shutdownNow();
	}

	@Test
	void everyClientBuiltFromAUserBuilderIsTrackedOnItsOwnPool() {
		this.contextRunner.run((context) -> {
			RestClient.Builder restClients = context.getBean("userRestClientBuilder", RestClient.Builder.class);
			WebClient.Builder webClients = context.getBean("userWebClientBuilder", WebClient.Builder.class);
			RestClient first = restClients.build();
			RestClient second = restClients.clone().build();
			WebClient web = webClients.build();
			List<CompletableFuture<String>> calls = List.of(CompletableFuture.supplyAsync(
					() -> first.get().uri(upstream.uri("/delay/1500")).retrieve().body(String.class), this.background),
					CompletableFuture.supplyAsync(
							() -> second.get().uri(upstream.uri("/delay/1500")).retrieve().body(String.class),
							this.background),
					web.get().uri(upstream.uri("/delay/1500")).retrieve().bodyToMono(String.class).toFuture());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(InFlightCalls.class).inFlightCount() == 3);
			List<Participant> apachePools = context.getBean(ParticipantRegistry.class)
				.participants()
				.stream()
				.filter((participant) -> participant.name().startsWith("http-client-apache"))
				.toList();
			// one pool per client, as Spring gives each client built from this builder
			assertThat(apachePools).hasSize(2)
				.allSatisfy((pool) -> assertThat(pool.inFlight().inFlightCount()).isOne());
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.close();
			assertThat(calls).allSatisfy((call) -> assertThat(call).isCompletedWithValue("done /delay/1500"));
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.results())
				.filteredOn((result) -> result.name().startsWith("http-client-apache")
						|| result.name().equals("reactor-http"))
				.extracting(CloseResult::outcome)
				.hasSize(3)
				.containsOnly(Outcome.GRACEFUL);
		});
	}

	@Test
	void trackingIsTheOutermostInterceptorOfAClientWithInterceptorsOfItsOwn() {
		this.contextRunner.run((context) -> {
			RestClient.Builder builder = context.getBean("userRestClientBuilder", RestClient.Builder.class);
			builder.requestInterceptor((request, body, execution) -> execution.execute(request, body));
			RestClient client = builder.build();
			List<Object> interceptors = new java.util.ArrayList<>();
			client.mutate().requestInterceptors(interceptors::addAll);
			assertThat(interceptors).hasSize(2)
				.first()
				.isInstanceOf(dev.cleanup.tracking.TrackingClientHttpRequestInterceptor.class);
		});
	}

	@Test
	void globalResourcesCreatedByAClientTheStarterNeverSawAreDisposed() {
		this.contextRunner.run((context) -> {
			String body = WebClient.create()
				.get()
				.uri(upstream.uri("/delay/10"))
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("done /delay/10");
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.close();
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.results()).extracting(CloseResult::name).contains("reactor-http");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBuilders {

		@Bean
		RestClient.Builder userRestClientBuilder() {
			// no factory set: Spring gives each client it builds a new one (Apache
			// HttpClient
			// here, the first it finds)
			return RestClient.builder();
		}

		@Bean
		WebClient.Builder userWebClientBuilder() {
			return WebClient.builder();
		}

	}

}
