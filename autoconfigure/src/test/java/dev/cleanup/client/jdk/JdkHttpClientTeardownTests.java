package dev.cleanup.client.jdk;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.Stage;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.StageClose;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link JdkHttpClientTeardown} on the test JVM (Java 17 by default), with a
 * real client against a real server on 127.0.0.1. Java 21 and later are covered by
 * {@link JdkHttpClientTeardownChildJvmTests}.
 *
 * @author cleanup contributors
 */
class JdkHttpClientTeardownTests {

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private final SlowUpstream upstream = SlowUpstream.start();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final List<Thread> executorThreads = new CopyOnWriteArrayList<>();

	private final List<ExecutorService> executors = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.upstream.close();
		this.executors.forEach(ExecutorService::shutdownNow);
	}

	@Test
	void callInFlightCompletesBeforeTheUserExecutorIsShutDown() throws Exception {
		ExecutorService executor = userExecutor();
		HttpClient client = HttpClient.newBuilder().executor(executor).build();
		CompletableFuture<HttpResponse<String>> call = send(client, "/delay/800");
		awaitUpstreamActive(1);
		assertThat(this.executorThreads).isNotEmpty().allMatch((thread) -> !thread.isDaemon());
		long start = System.nanoTime();
		CloseResult result = close(new JdkHttpClientTeardown(client), Duration.ofSeconds(5));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(call).isCompleted();
		assertThat(call.get().statusCode()).isEqualTo(200);
		assertThat(call.get().body()).isEqualTo("done /delay/800");
		assertThat(executor.isTerminated()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.executorThreads.stream().noneMatch(Thread::isAlive));
		assertThat(took).isLessThan(Duration.ofMillis(800).plus(SLACK));
	}

	@Test
	void callThatNeverEndsIsForcedAndTheUserExecutorIsShutDownNow() throws Exception {
		ExecutorService executor = userExecutor();
		HttpClient client = HttpClient.newBuilder().executor(executor).build();
		send(client, "/hang");
		awaitUpstreamActive(1);
		Duration timeout = Duration.ofMillis(500);
		long start = System.nanoTime();
		CloseResult result = close(new JdkHttpClientTeardown(client), timeout);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(result.outcome()).isEqualTo(Outcome.FORCED);
		assertThat(result.detail()).contains("still in use");
		assertThat(executor.isShutdown()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(executor::isTerminated);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.executorThreads.stream().noneMatch(Thread::isAlive));
		assertThat(took).isGreaterThanOrEqualTo(timeout)
			.isLessThan(timeout.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
	}

	@Test
	void sharedExecutorIsLeftRunningWhenAsked() throws Exception {
		ExecutorService executor = userExecutor();
		HttpClient client = HttpClient.newBuilder().executor(executor).build();
		assertThat(send(client, "/delay/0").get().statusCode()).isEqualTo(200);
		CloseResult result = close(new JdkHttpClientTeardown(client, false), Duration.ofSeconds(2));
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(executor.isShutdown()).isFalse();
	}

	@Test
	void clientWithTheDefaultExecutorClosesGracefullyOnceNoCallIsInFlight() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		assertThat(client.executor()).isEmpty();
		CompletableFuture<HttpResponse<String>> call = send(client, "/delay/800");
		awaitUpstreamActive(1);
		CloseResult result = close(new JdkHttpClientTeardown(client), Duration.ofSeconds(5));
		assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
		assertThat(call).isCompleted();
		assertThat(call.get().statusCode()).isEqualTo(200);
	}

	@Test
	void clientWithTheDefaultExecutorAndACallThatNeverEndsCanOnlyBeForcedOnJava21() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		send(client, "/hang");
		awaitUpstreamActive(1);
		CloseResult result = close(new JdkHttpClientTeardown(client), Duration.ofMillis(300));
		Outcome expected = JdkHttpClientTeardown.isClientShutdownSupported() ? Outcome.FORCED : Outcome.TIMED_OUT;
		assertThat(result.outcome()).isEqualTo(expected);
	}

	@Test
	void usageReportsTheCallsInFlight() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Participant participant = StageClose.participant(Kind.JDK_HTTPCLIENT, new JdkHttpClientTeardown(client),
				this.inFlight::get);
		assertThat(participant.usage().inUse()).isZero();
		CompletableFuture<HttpResponse<String>> call = send(client, "/delay/300");
		assertThat(participant.usage().inUse()).isEqualTo(1);
		assertThat(participant.usage().idle()).isEqualTo(-1);
		assertThat(participant.usage().isBusy()).isTrue();
		call.get();
		await().atMost(Duration.ofSeconds(5)).until(() -> participant.usage().inUse() == 0);
	}

	@Test
	void closingTwiceIsHarmless() throws Exception {
		ExecutorService executor = userExecutor();
		HttpClient client = HttpClient.newBuilder().executor(executor).build();
		assertThat(send(client, "/delay/0").get().statusCode()).isEqualTo(200);
		JdkHttpClientTeardown teardown = new JdkHttpClientTeardown(client);
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(2)))).isTrue();
		assertThat(teardown.closeGracefully(Deadline.after(Duration.ofSeconds(2)))).isTrue();
		assertThat(teardown.closeForcibly()).isTrue();
		assertThat(executor.isTerminated()).isTrue();
	}

	@Test
	void clientCloseApiIsFoundOnlyFromJava21() {
		assertThat(JdkHttpClientTeardown.isClientShutdownSupported()).isEqualTo(Runtime.version().feature() >= 21);
		// the stack decides at registration, without the teardown's lookup
		assertThat(JdkClientStack.CLIENTS_SHUT_DOWN).isEqualTo(JdkHttpClientTeardown.isClientShutdownSupported());
	}

	private ExecutorService userExecutor() {
		AtomicInteger count = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable, "jdk-teardown-test-" + count.incrementAndGet());
			// As Executors.defaultThreadFactory(): not inherited from the client's
			// daemons
			thread.setDaemon(false);
			this.executorThreads.add(thread);
			return thread;
		});
		this.executors.add(executor);
		return executor;
	}

	private CompletableFuture<HttpResponse<String>> send(HttpClient client, String path) {
		// Tracked as the starter's interceptors do: the call ends, then it is forgotten
		CompletableFuture<HttpResponse<String>> call = new CompletableFuture<>();
		this.inFlight.incrementAndGet();
		HttpRequest request = HttpRequest.newBuilder(this.upstream.uri(path)).build();
		client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			if (failure != null) {
				call.completeExceptionally(failure);
			}
			else {
				call.complete(response);
			}
			this.inFlight.decrementAndGet();
		});
		return call;
	}

	private void awaitUpstreamActive(int count) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.upstream.active() == count);
	}

	private CloseResult close(JdkHttpClientTeardown teardown, Duration timeout) {
		return StageClose
			.run(Stage.CLOSE, StageClose.participant(Kind.JDK_HTTPCLIENT, teardown, this.inFlight::get), timeout)
			.result();
	}

}
