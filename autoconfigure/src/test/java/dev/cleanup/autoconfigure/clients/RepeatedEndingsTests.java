package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way a context ends more than once: two threads closing it at once, closing it
 * twice, stopping then closing it, a SIGTERM while a batch job's own close runs. Each
 * participant is closed once, one report is written, every close returns, and nothing
 * waits past the budget.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class RepeatedEndingsTests {

	/** Generous slack for a shared, noisy machine. */
	private static final Duration BUDGET = Duration.ofSeconds(20);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withPropertyValues("spring.http.clients.imperative.factory=jetty");

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.upstream.close();
	}

	@Test
	void twoThreadsClosingAtOnceCloseEachParticipantOnceAndWriteOneReport(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			CompletableFuture<String> call = startCall(context, "/delay/1000");
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			CyclicBarrier together = new CyclicBarrier(2);
			List<Future<?>> closes = List.of(this.threads.submit(() -> closeTogether(context, together)),
					this.threads.submit(() -> closeTogether(context, together)));
			for (Future<?> close : closes) {
				close.get(BUDGET.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			assertThat(call).isCompletedWithValue("done /delay/1000");
			assertEachClosedOnce(coordinator.report());
			assertThat(output.getOut().lines().filter((line) -> line.contains("Cleanup shutdown report"))).hasSize(1);
		});
	}

	@Test
	void closingTwiceOrStoppingFirstClosesEachParticipantOnce(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			startCall(context, "/delay/10").join();
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.stop();
			context.close();
			ShutdownReport report = coordinator.report();
			context.close();
			assertThat(coordinator.report()).isSameAs(report);
			assertEachClosedOnce(report);
			assertThat(output.getOut().lines().filter((line) -> line.contains("Cleanup shutdown report"))).hasSize(1);
		});
	}

	@Test
	void sigtermWhileABatchJobClosesItsContextClosesEachParticipantOnce() throws Exception {
		try (LoggedProcess job = ChildJvm.start(ClosingBatchJob.class, this.upstream.uri("/delay/2000").toString(),
				"--spring.http.clients.imperative.factory=jetty")) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> job.output().contains("Batch job closing its context") || !job.isAlive());
			await().atMost(Duration.ofSeconds(10)).until(() -> this.upstream.active() == 1 || !job.isAlive());
			job.sigterm();
			assertThat(job.awaitExit(BUDGET)).as(job::output).isTrue();
			assertThat(job.lines("Cleanup shutdown report")).as(job::output).hasSize(1);
			assertThat(job.lines("  close    http-client-jetty")).as(job::output).hasSize(1);
			assertThat(job.output()).contains("Background call completed");
		}
	}

	private static void closeTogether(ConfigurableApplicationContext context, CyclicBarrier together) {
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		context.close();
	}

	private CompletableFuture<String> startCall(ConfigurableApplicationContext context, String path) {
		RestClient client = context.getBean(RestClient.Builder.class).build();
		CompletableFuture<String> call = CompletableFuture
			.supplyAsync(() -> client.get().uri(this.upstream.uri(path)).retrieve().body(String.class), this.threads);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> context.getBean(InFlightCalls.class).inFlightCount() == 1 || call.isDone());
		return call;
	}

	private static void assertEachClosedOnce(ShutdownReport report) {
		assertThat(report).isNotNull();
		Map<String, Long> closes = report.results()
			.stream()
			.collect(Collectors.groupingBy(CloseResult::name, Collectors.counting()));
		assertThat(closes).isNotEmpty().allSatisfy((name, count) -> assertThat(count).as(name).isOne());
		assertThat(closes).containsKey("http-client-jetty");
	}

}
