package dev.cleanup.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;
import dev.cleanup.autoconfigure.CleanupEndpointAutoConfiguration;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.Stage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint's {@code state} moves through every stage during a real shutdown.
 *
 * @author cleanup contributors
 */
class CleanupEndpointStateTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, CleanupAutoConfiguration.class,
				CleanupEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=cleanup");

	@Test
	void stateMovesFromRunningThroughEveryStageToClosed() {
		this.contextRunner.run((context) -> {
			CleanupEndpoint endpoint = context.getBean(CleanupEndpoint.class);
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			List<String> seen = new CopyOnWriteArrayList<>();
			Thread observer = new Thread(() -> {
				String last = null;
				while (!"CLOSED".equals(last)) {
					String state = endpoint.cleanup(SecurityContext.NONE).state();
					if (!state.equals(last)) {
						seen.add(state);
						last = state;
					}
				}
			});
			// each stage has something that takes a moment, so that every state can be
			// seen
			registry.register(Participant.builder("slow-pool").teardown((deadline) -> pause()).build());
			registry.register(
					Participant.builder("slow-loops").stage(Stage.DISPOSE).teardown((deadline) -> pause()).build());
			long callEnds = System.nanoTime() + 300_000_000L;
			context.getBean(ShutdownCoordinator.class)
				.addInFlightSource(() -> (System.nanoTime() - callEnds < 0) ? 1 : 0);
			assertThat(endpoint.cleanup(SecurityContext.NONE).state()).isEqualTo("RUNNING");
			observer.start();
			await().until(() -> seen.contains("RUNNING"));
			context.close();
			observer.join(10_000);
			assertThat(new ArrayList<>(seen)).containsSubsequence("RUNNING", "DRAINING", "CLOSING", "DISPOSING",
					"CLOSED");
		});
	}

	private static boolean pause() throws InterruptedException {
		Thread.sleep(300);
		return true;
	}

}
