package dev.cleanup.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.testing.suite.SuiteApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static dev.cleanup.testing.ShutdownAssertions.assertThatShutdownOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The assertion where Spring tests run besides {@code ApplicationContextRunner} and
 * {@code @SpringBootTest}: a {@code WebApplicationContextRunner}, a plain
 * {@code SpringApplication.run}, and a close another thread already started while calls
 * were in flight.
 *
 * @author cleanup contributors
 */
class WhereSpringTestsRunTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void webApplicationContextRunner() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class, CleanupAutoConfiguration.class))
			.run((context) -> assertThatShutdownOf(context).isClean().tookAtMost(Duration.ofSeconds(10)));
	}

	@Test
	void springApplicationRunWithACallInFlight() {
		Running running = runWithACallInFlight();
		ShutdownAssert shutdown = assertThatShutdownOf(running.context()).cutNoCalls().isClean();
		// it judged once the drain had let the call finish
		assertThat(running.call()).isCompletedWithValueMatching((body) -> body != null);
		assertThat(shutdown.took()).isGreaterThan(Duration.ofMillis(200));
	}

	@Test
	void aCloseAnotherThreadStartedIsAwaited() {
		Running running = runWithACallInFlight();
		ConfigurableApplicationContext context = running.context();
		new Thread(context::close, "closing").start();
		await().atMost(Duration.ofSeconds(10)).until(context::isClosed);
		assertThatShutdownOf(context).cutNoCalls().isClean();
		assertThat(running.call()).isCompleted();
	}

	/**
	 * Start the service with {@code SpringApplication.run} and a 500 ms call of Boot's
	 * RestClient in flight.
	 */
	private Running runWithACallInFlight() {
		ConfigurableApplicationContext context = SpringApplication.run(SuiteApplication.class, "--server.port=0",
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off");
		RestClient client = context.getBean(RestClient.Builder.class).build();
		CompletableFuture<String> call = CompletableFuture
			.supplyAsync(() -> client.get().uri(this.upstream.uri("/delay/500")).retrieve().body(String.class));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.upstream.active() == 1);
		return new Running(context, call);
	}

	private record Running(ConfigurableApplicationContext context, CompletableFuture<String> call) {
	}

}
