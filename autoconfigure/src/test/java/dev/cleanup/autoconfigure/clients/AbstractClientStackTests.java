package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Integration tests for one client stack, with Boot's builders, real clients and a real
 * upstream on 127.0.0.1: calls in flight complete within the drain, a stuck call is cut
 * and reported within the budget, and no client thread outlives the shutdown.
 *
 * @author cleanup contributors
 */
abstract class AbstractClientStackTests {

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofSeconds(4);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newFixedThreadPool(4);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withPropertyValues(stackProperties());

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.upstream.close();
	}

	/**
	 * Return the properties that choose this stack for RestClient and WebClient.
	 * @return the properties
	 */
	abstract String[] stackProperties();

	/**
	 * Return the participant name of the pool behind RestClient.
	 * @return the name
	 */
	abstract String restClientParticipant();

	/**
	 * Return the participant name of the pool behind WebClient.
	 * @return the name
	 */
	abstract String webClientParticipant();

	/**
	 * Return which threads belong to this stack's clients.
	 * @return the predicate
	 */
	abstract Predicate<Thread> clientThreads();

	@Test
	void callsInFlightFromBackgroundWorkCompleteWithinTheDrain() {
		this.contextRunner.run((context) -> {
			AtomicInteger completed = new AtomicInteger();
			startCalls(context, "/delay/1500", 2, completed, new CopyOnWriteArrayList<>());
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.close();
			assertThat(completed).hasValue(4);
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.drain().drained()).isTrue();
			assertThat(report.cutCalls()).isEmpty();
			assertThat(report.results())
				.filteredOn((result) -> result.name().equals(restClientParticipant())
						|| result.name().equals(webClientParticipant()))
				.extracting(CloseResult::outcome)
				.containsOnly(Outcome.GRACEFUL)
				.hasSizeGreaterThanOrEqualTo(1);
		});
	}

	@Test
	void stuckCallIsCutAndReportedAndShutdownStaysWithinBudget() {
		this.contextRunner
			.withPropertyValues("cleanup.drain.timeout=500ms", "cleanup.close.timeout=500ms",
					"cleanup.dispose.timeout=500ms")
			.run((context) -> {
				AtomicInteger completed = new AtomicInteger();
				List<Throwable> failures = new CopyOnWriteArrayList<>();
				startCalls(context, "/hang?token=secret", 1, completed, failures);
				ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
				long start = System.nanoTime();
				context.close();
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				Duration budget = Duration.ofMillis(500 + 500 + 500).plus(Duration.ofMillis(2 * 1100));
				assertThat(took).isLessThan(budget.plus(SLACK));
				ShutdownReport report = coordinator.report();
				assertThat(report).isNotNull();
				assertThat(report.drain().drained()).isFalse();
				assertThat(report.cutCalls()).hasSize(2)
					.extracting(CutCall::uri)
					.allSatisfy((uri) -> assertThat(uri).endsWith("/hang?token=******"));
				assertThat(completed).hasValue(0);
				if (forcedCloseFailsCallers()) {
					await().atMost(Duration.ofSeconds(10)).until(() -> failures.size() == 2);
				}
			});
	}

	/**
	 * Whether a forced close makes the calls in flight fail on this JVM.
	 * @return {@code true} unless the stack cannot cut a call here
	 */
	boolean forcedCloseFailsCallers() {
		return true;
	}

	/**
	 * Whether this stack's client threads end when its pools close on this JVM.
	 * @return {@code true} unless the stack cannot end its threads here
	 */
	boolean threadsEndOnClose() {
		return true;
	}

	@Test
	void noClientThreadIsAliveAfterShutdown() {
		assumeTrue(threadsEndOnClose(), "this stack's client threads end only after garbage collection on Java "
				+ Runtime.version().feature() + "; they are daemons and cannot hold the JVM");
		this.contextRunner.run((context) -> {
			AtomicInteger completed = new AtomicInteger();
			startCalls(context, "/delay/100", 1, completed, new CopyOnWriteArrayList<>());
			await().until(() -> completed.get() == 2);
			List<Thread> clientThreads = new ArrayList<>();
			Thread.getAllStackTraces().keySet().stream().filter(clientThreads()).forEach(clientThreads::add);
			assertThat(clientThreads).as("client threads while running").isNotEmpty();
			context.close();
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(clientThreads).filteredOn(Thread::isAlive)
					.extracting(Thread::getName)
					.isEmpty());
		});
	}

	private void startCalls(AssertableApplicationContext context, String path, int each, AtomicInteger completed,
			List<Throwable> failures) {
		InFlightCalls calls = context.getBean(InFlightCalls.class);
		RestClient restClient = context.getBean(RestClient.Builder.class).build();
		WebClient webClient = context.getBean(WebClient.Builder.class).build();
		List<Future<?>> started = new ArrayList<>();
		for (int i = 0; i < each; i++) {
			started.add(this.background.submit(() -> {
				try {
					restClient.get().uri(this.upstream.uri(path)).retrieve().body(String.class);
					completed.incrementAndGet();
				}
				catch (RuntimeException ex) {
					failures.add(ex);
				}
			}));
			webClient.get()
				.uri(this.upstream.uri(path))
				.retrieve()
				.bodyToMono(String.class)
				.subscribe((body) -> completed.incrementAndGet(), failures::add);
		}
		await().atMost(10, TimeUnit.SECONDS).until(() -> calls.inFlightCount() + completed.get() >= 2 * each);
	}

}
