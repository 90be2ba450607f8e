package dev.cleanup.autoconfigure.webflux;

import java.lang.ref.Reference;
import java.time.Duration;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idle WebFlux application on Reactor Netty: Spring's {@code ReactorResourceFactory}
 * disposes the global loops at its stop without Netty's 2 s quiet period, which the
 * starter hands it once the drain is done (and closes its connection pools right before
 * it stops), unless the user set one.
 *
 * @author cleanup contributors
 */
class IdleWebFluxShutdownTests {

	@Test
	void idleApplicationDisposesLoopsWithoutTheQuietPeriod() {
		CloseResult result = closeAndFindReactorResult();
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		// Spring's factory disposes them at its stop (phase 0), with the quiet period the
		// starter handed it once the drain was done
		assertThat(result.detail()).isEqualTo("disposed by Spring's ReactorResourceFactory at its stop, "
				+ "quiet period 0 ms, nothing in flight, connection pools closed first");
	}

	@Test
	void quietPeriodSetByTheUserWins() {
		ConfigurableApplicationContext context = run("--spring.reactor.netty.shutdown-quiet-period=1s");
		long start = System.nanoTime();
		CloseResult result = closeAndFindReactorResult(context);
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(result.detail())
			.isEqualTo("disposed by Spring's ReactorResourceFactory at its stop, quiet period 1000 ms, as configured");
		assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isGreaterThanOrEqualTo(900);
	}

	@Test
	void restClientPoolsOfAReactiveApplicationAreCapturedToo() {
		ConfigurableApplicationContext context = run();
		// held until the close: a pool the starter captured is held weakly, and a client
		// nobody holds may be collected before
		RestClient client = context.getBean(RestClient.Builder.class).build();
		ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
		assertThat(coordinator.registry().find("http-client-apache")).isNotNull();
		context.close();
		Reference.reachabilityFence(client);
		ShutdownReport report = coordinator.report();
		assertThat(report).isNotNull();
		assertThat(report.results()).filteredOn((result) -> result.name().equals("http-client-apache"))
			.extracting(CloseResult::outcome)
			.containsExactly(Outcome.GRACEFUL);
	}

	private ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(WebFluxApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.address=127.0.0.1")
			.run(args);
	}

	private CloseResult closeAndFindReactorResult(String... args) {
		return closeAndFindReactorResult(run(args));
	}

	private CloseResult closeAndFindReactorResult(ConfigurableApplicationContext context) {
		ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
		context.close();
		ShutdownReport report = coordinator.report();
		assertThat(report).isNotNull();
		return report.results()
			.stream()
			.filter((candidate) -> candidate.name().equals("reactor-http"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No reactor-http participant in " + report.format()));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WebFluxApplication {

	}

}
