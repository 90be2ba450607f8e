package dev.cleanup.autoconfigure.webflux;

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
 * An idle WebFlux application on Reactor Netty: the starter disposes the global loops
 * without Netty's 2 s quiet period, unless the user set one.
 *
 * @author cleanup contributors
 */
class IdleWebFluxShutdownTests {

	@Test
	void idleApplicationDisposesLoopsWithoutTheQuietPeriod() {
		CloseResult result = closeAndFindReactorResult();
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(result.detail()).isEqualTo("quiet period 0 ms, nothing in flight");
	}

	@Test
	void quietPeriodSetByTheUserWins() {
		CloseResult result = closeAndFindReactorResult("--spring.reactor.netty.shutdown-quiet-period=1s");
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(result.detail()).isEqualTo("quiet period 1000 ms, as configured");
		assertThat(result.duration().toMillis()).isGreaterThanOrEqualTo(900);
	}

	@Test
	void restClientPoolsOfAReactiveApplicationAreCapturedToo() {
		ConfigurableApplicationContext context = run();
		context.getBean(RestClient.Builder.class).build();
		ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
		assertThat(coordinator.registry().find("http-client-apache")).isNotNull();
		context.close();
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
		ConfigurableApplicationContext context = run(args);
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
