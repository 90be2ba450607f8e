package dev.cleanup.core;

import dev.cleanup.core.ShutdownCoordinator.ShutdownState;

import dev.cleanup.core.plan.ParticipantPolicy;

import dev.cleanup.core.ShutdownReport.DrainResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ShutdownCoordinator}.
 *
 * @author cleanup contributors
 */
class ShutdownCoordinatorTests {

	private final ParticipantRegistry registry = new ParticipantRegistry();

	@Test
	void drainWaitsForInFlightCallsUntilTheyEnd() {
		AtomicInteger inFlight = new AtomicInteger(1);
		ShutdownCoordinator coordinator = coordinator(Map.of(), Duration.ofSeconds(10));
		coordinator.addInFlightSource(inFlight::get);
		new Thread(() -> {
			sleep(300);
			inFlight.set(0);
		}).start();
		DrainResult result = coordinator.drain();
		assertThat(result.drained()).isTrue();
		assertThat(result.waited()).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
		assertThat(coordinator.state()).isEqualTo(ShutdownState.DRAINING);
	}

	@Test
	void drainDeadlineCountsFromTheStartOfShutdown() {
		ShutdownCoordinator coordinator = coordinator(Map.of(), Duration.ofMillis(600));
		coordinator.addInFlightSource(() -> 1);
		coordinator.startShutdown();
		sleep(400);
		DrainResult result = coordinator.drain();
		assertThat(result.drained()).isFalse();
		assertThat(result.inFlightLeft()).isEqualTo(1);
		assertThat(result.waited()).isLessThan(Duration.ofMillis(550));
	}

	@Test
	void overridesChooseStageTimeoutAndEnablement() {
		AtomicInteger closed = new AtomicInteger();
		this.registry
			.register(Participant.builder("paymentsClient").teardown((d) -> closed.incrementAndGet() > 0).build());
		this.registry.register(Participant.builder("off").teardown((d) -> closed.incrementAndGet() > 0).build());
		ShutdownCoordinator coordinator = coordinator(
				Map.of("payments-client", new ParticipantPolicy.Override(true, Stage.DISPOSE, Duration.ofSeconds(1)),
						"off", new ParticipantPolicy.Override(false, null, null)),
				Duration.ofSeconds(1));
		List<CloseResult> close = coordinator.close(Stage.CLOSE);
		assertThat(close).singleElement().satisfies((result) -> {
			assertThat(result.name()).isEqualTo("off");
			assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
		});
		List<CloseResult> dispose = coordinator.close(Stage.DISPOSE);
		assertThat(dispose).singleElement().satisfies((result) -> {
			assertThat(result.name()).isEqualTo("paymentsClient");
			assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		});
		assertThat(closed).hasValue(1);
	}

	@Test
	void lateParticipantsAreClosedInDisposeOrReported() {
		ShutdownCoordinator coordinator = coordinator(Map.of(), Duration.ofSeconds(1));
		coordinator.close(Stage.CLOSE);
		this.registry.register(Participant.builder("late").teardown((d) -> true).build());
		assertThat(coordinator.close(Stage.DISPOSE)).singleElement()
			.satisfies((result) -> assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL));
		this.registry.register(Participant.builder("later").teardown((d) -> true).build());
		ShutdownReport report = coordinator.finish();
		assertThat(coordinator.state()).isEqualTo(ShutdownState.CLOSED);
		assertThat(report.results()).extracting(CloseResult::name, CloseResult::outcome)
			.containsExactly(tuple("late", Outcome.GRACEFUL), tuple("later", Outcome.SKIPPED));
		assertThat(report.format()).contains("later").contains("registered after its stage ran");
		assertThat(coordinator.finish()).isSameAs(report);
	}

	@Test
	void reportNamesEveryOutcome() {
		this.registry.register(Participant.builder("good").teardown((d) -> true).build());
		this.registry.register(Participant.builder("bad").teardown((d) -> {
			throw new IllegalStateException("broken pool");
		}).build());
		ShutdownCoordinator coordinator = coordinator(Map.of(), Duration.ofSeconds(1));
		coordinator.drain();
		coordinator.close(Stage.CLOSE);
		coordinator.close(Stage.DISPOSE);
		ShutdownReport report = coordinator.finish();
		assertThat(report.format()).contains("drain")
			.contains("no tracked call in flight")
			.doesNotContain("nothing left in flight")
			.contains("good")
			.contains("graceful")
			.contains("bad")
			.contains("failed")
			.contains("broken pool");
		assertThat(report.warnings()).singleElement()
			.satisfies((result) -> assertThat(ShutdownReport.warningLine(result))
				.startsWith("Participant 'bad' (custom) in stage close: failed after"));
	}

	private ShutdownCoordinator coordinator(Map<String, ParticipantPolicy.Override> overrides, Duration drain) {
		ParticipantPolicy policy = ParticipantPolicy
			.of(Map.of(Stage.CLOSE, Duration.ofSeconds(1), Stage.DISPOSE, Duration.ofSeconds(1)), overrides);
		return new ShutdownCoordinator(this.registry, policy, drain);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
