package dev.cleanup.client.jetty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Stage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.StageClose;
import dev.cleanup.buildsupport.SlowUpstream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JettyTeardown} with a real client against a real server on 127.0.0.1.
 *
 * @author cleanup contributors
 */
class JettyTeardownTests {

	private static final Duration GRACEFUL_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final HttpClient client = new HttpClient();

	private final JettyTeardown teardown = new JettyTeardown(this.client);

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService callers = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "jetty-caller");
		thread.setDaemon(true);
		return thread;
	});

	/** Jetty 12.1 names its thread pool this way unless the client was given a name. */
	private String threadNamePrefix = "";

	@BeforeEach
	void startClient() throws Exception {
		this.client.start();
		this.threadNamePrefix = "HttpClient@" + Integer.toHexString(this.client.hashCode());
	}

	@AfterEach
	void closeAll() throws Exception {
		this.release.countDown();
		this.client.stop();
		this.upstream.close();
		this.callers.shutdownNow();
	}

	@Test
	void clientThreadsAreNamedAfterTheClientAndAreNotDaemons() {
		assertThat(call("/delay/10")).succeedsWithin(WAIT);
		assertThat(((QueuedThreadPool) this.client.getExecutor()).getName()).isEqualTo(this.threadNamePrefix);
		assertThat(clientThreads()).extracting(Thread::getName)
			.contains(this.threadNamePrefix + "-scheduler-1")
			.allSatisfy((name) -> assertThat(name).matches(this.threadNamePrefix + "-(scheduler-1|\\d+)"));
		assertThat(clientThreads()).noneMatch(Thread::isDaemon);
	}

	@Test
	void callInFlightCompletesAndTheCloseIsGraceful() {
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		assertThat(clientThreads()).isNotEmpty().noneMatch(Thread::isDaemon);
		StageClose close = StageClose.run(Kind.JETTY_HTTPCLIENT, this.teardown, GRACEFUL_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(close.result().detail()).isNull();
		assertThat(call).succeedsWithin(WAIT).isEqualTo("200 done /delay/800");
		assertThat(close.took()).isGreaterThan(Duration.ofMillis(300)).isLessThan(GRACEFUL_TIMEOUT);
		assertThat(this.client.isStopped()).isTrue();
		assertNoClientThreadRemains();
	}

	@Test
	void callStuckPastTheTimeoutIsCutAndTheCloseIsForced() {
		CompletableFuture<String> call = call("/hang");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		assertThat(clientThreads()).isNotEmpty().noneMatch(Thread::isDaemon);
		StageClose close = StageClose.run(Kind.JETTY_HTTPCLIENT, this.teardown, SHORT_TIMEOUT);
		assertThat(close.result().outcome()).isEqualTo(Outcome.FORCED);
		assertThat(close.result().detail()).contains("still in use");
		assertThat(close.took()).isGreaterThanOrEqualTo(SHORT_TIMEOUT)
			.isLessThan(SHORT_TIMEOUT.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		assertThat(call).failsWithin(WAIT).withThrowableOfType(ExecutionException.class);
		assertThat(this.client.isStopped()).isTrue();
		assertNoClientThreadRemains();
	}

	@Test
	void forcedCloseDoesNotWaitTheDefaultStopTimeoutForABusyClientThread() throws Exception {
		// A client thread blocks until interrupted (user code run on the client's pool,
		// such as a listener): with the pool's default stop timeout the stop would wait
		// 2.5 s before interrupting it, past the engine's force bound. The forced close
		// is
		// timed on its own: through the engine, a stall of the shared machine could push
		// it past the 1 s bound and hide what is measured here.
		CountDownLatch busy = new CountDownLatch(1);
		this.client.getExecutor().execute(() -> {
			busy.countDown();
			awaitRelease();
		});
		assertThat(busy.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		long start = System.nanoTime();
		assertThat(this.teardown.closeForcibly()).isTrue();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isLessThan(Duration.ofMillis(2500).minus(JettyTeardown.FORCED_STOP_TIMEOUT));
		assertThat(this.client.isStopped()).isTrue();
		assertNoClientThreadRemains();
	}

	@Test
	void usageCountsTheCallInUseAndThenTheIdleConnection() {
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(0, 0, 0, -1));
		CompletableFuture<String> call = call("/delay/800");
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 1);
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(1, 0, 0, 64));
		assertThat(call).succeedsWithin(WAIT);
		await().atMost(WAIT).until(() -> this.teardown.usage().inUse() == 0);
		assertThat(this.teardown.usage()).isEqualTo(new PoolUsage(0, 1, 0, 64));
	}

	@Test
	void trackedCallsAreWaitedForEvenWithNothingInThePool() throws Exception {
		CountDownLatch tracked = new CountDownLatch(1);
		Participant participant = StageClose.participant(Kind.JETTY_HTTPCLIENT, new JettyTeardown(this.client),
				() -> (int) tracked.getCount());
		CompletableFuture<StageClose> closed = CompletableFuture
			.supplyAsync(() -> StageClose.run(Stage.CLOSE, participant, GRACEFUL_TIMEOUT), this.callers);
		await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !closed.isDone() && this.client.isRunning());
		tracked.countDown();
		assertThat(closed).succeedsWithin(WAIT)
			.extracting((close) -> close.result().outcome())
			.isEqualTo(Outcome.GRACEFUL);
		assertThat(this.client.isStopped()).isTrue();
	}

	@Test
	void closingTwiceIsHarmless() throws Exception {
		assertThat(call("/delay/10")).succeedsWithin(WAIT);
		StageClose first = StageClose.run(Kind.JETTY_HTTPCLIENT, this.teardown, GRACEFUL_TIMEOUT);
		StageClose second = StageClose.run(Kind.JETTY_HTTPCLIENT, this.teardown, GRACEFUL_TIMEOUT);
		assertThat(first.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(second.result().outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(second.took()).isLessThan(SLACK);
		assertThat(this.teardown.closeForcibly()).isTrue();
		assertThat(this.client.isStopped()).isTrue();
		assertNoClientThreadRemains();
	}

	@Test
	void clientNeverStartedClosesGracefullyAtOnce() throws Exception {
		HttpClient neverStarted = new HttpClient();
		JettyTeardown teardown = new JettyTeardown(neverStarted);
		assertThat(teardown.closeGracefully(Deadline.after(GRACEFUL_TIMEOUT))).isTrue();
		assertThat(neverStarted.isStopped()).isTrue();
		assertThat(teardown.usage()).isEqualTo(new PoolUsage(0, 0, 0, -1));
	}

	private CompletableFuture<String> call(String path) {
		return call(this.client.newRequest(this.upstream.uri(path)));
	}

	private CompletableFuture<String> call(Request request) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				ContentResponse response = request.send();
				return response.getStatus() + " " + response.getContentAsString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, this.callers);
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean closeGracefully(JettyTeardown teardown, Deadline deadline) {
		try {
			return teardown.closeGracefully(deadline);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Thread> clientThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(this.threadNamePrefix + "-"))
			.toList();
	}

	private void assertNoClientThreadRemains() {
		await().atMost(WAIT).until(() -> clientThreads().isEmpty());
		assertThat(clientThreads()).extracting(Thread::getName).isEmpty();
	}

}
