package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RestClients built from Boot's builder on 8 threads at once: each pool is registered
 * once, and each call is tracked on its own pool's participant, whatever order the
 * threads' builders and customizers ran in.
 *
 * @author cleanup contributors
 */
class ConcurrentBuildersTests {

	private static final int THREADS = 8;

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.upstream.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http-components, http-client-apache", "jetty, http-client-jetty", "jdk, http-client-jdk" })
	void eachCallIsTrackedOnItsOwnPool(String factory, String participantName) {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
			.run((context) -> {
				CyclicBarrier together = new CyclicBarrier(THREADS);
				List<Future<String>> calls = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					calls.add(this.threads.submit(() -> {
						together.await();
						RestClient client = context.getBean(RestClient.Builder.class).build();
						return client.get().uri(this.upstream.uri("/delay/1500")).retrieve().body(String.class);
					}));
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> this.upstream.active() == THREADS);
				List<Participant> pools = context.getBean(ParticipantRegistry.class)
					.participants()
					.stream()
					.filter((participant) -> participant.name().startsWith(participantName))
					.toList();
				assertThat(pools).extracting(Participant::name)
					.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS)
						.mapToObj((n) -> (n == 1) ? participantName : participantName + "-" + n)
						.toList());
				assertThat(pools).allSatisfy((pool) -> assertThat(pool.inFlight().inFlightCount()).isOne());
				assertThat(context.getBean(InFlightCalls.class).snapshot()).extracting((call) -> call.client().name())
					.containsExactlyInAnyOrderElementsOf(pools.stream().map(Participant::name).toList());
				for (Future<String> call : calls) {
					assertThat(call.get()).isEqualTo("done /delay/1500");
				}
				assertThat(pools).allSatisfy((pool) -> assertThat(pool.inFlight().inFlightCount()).isZero());
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "reactor" })
	void callsOnSharedResourcesAreTrackedOnTheSharedPool(String factory) {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory)
			.run((context) -> {
				CyclicBarrier together = new CyclicBarrier(THREADS);
				for (int i = 0; i < THREADS; i++) {
					this.threads.submit(() -> {
						together.await();
						RestClient client = context.getBean(RestClient.Builder.class).build();
						return client.get().uri(this.upstream.uri("/delay/1500")).retrieve().body(String.class);
					});
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> this.upstream.active() == THREADS);
				List<Participant> global = context.getBean(ParticipantRegistry.class)
					.participants()
					.stream()
					.filter((participant) -> participant.name().startsWith("reactor-http"))
					.toList();
				assertThat(global).singleElement()
					.satisfies((pool) -> assertThat(pool.inFlight().inFlightCount()).isEqualTo(THREADS));
			});
	}

}
