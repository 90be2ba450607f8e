package dev.cleanup.client.jdk;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import dev.cleanup.test.LiveThreadNames;
import dev.cleanup.core.StageClose;
import dev.cleanup.buildsupport.SlowUpstream;

/**
 * Runs one {@link JdkHttpClientTeardown} scenario in a child JVM and prints what happened
 * as {@code key=value} lines for {@link JdkHttpClientTeardownChildJvmTests} to assert.
 * Exits with 0 when the scenario ran to its end, 2 when it failed, 3 when its watchdog
 * fired.
 *
 * @author cleanup contributors
 */
public final class JdkHttpClientShutdownScenario {

	/** A scenario must end well within this, or the JVM exits on its own. */
	private static final Duration WATCHDOG = Duration.ofSeconds(30);

	private JdkHttpClientShutdownScenario() {
	}

	public static void main(String[] args) {
		startWatchdog();
		try (SlowUpstream upstream = SlowUpstream.start()) {
			print("java.version", System.getProperty("java.version"));
			print("closeApi", JdkHttpClientTeardown.isClientShutdownSupported());
			switch (args[0]) {
				case "hang" -> callThatNeverEnds(upstream);
				case "delay" -> callInFlight(upstream);
				default -> throw new IllegalArgumentException("Unknown scenario " + args[0]);
			}
		}
		catch (Throwable ex) {
			ex.printStackTrace(System.out);
			System.out.flush();
			Runtime.getRuntime().halt(2);
		}
		System.out.flush();
		// The client's threads are daemons; exit anyway so that nothing can hold us
		System.exit(0);
	}

	private static void callThatNeverEnds(SlowUpstream upstream) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		AtomicInteger inFlight = new AtomicInteger();
		CompletableFuture<HttpResponse<String>> call = send(client, upstream, "/hang", inFlight);
		awaitActive(upstream);
		Duration timeout = Duration.ofMillis(500);
		print("timeoutMs", timeout.toMillis());
		closeAndPrint(new JdkHttpClientTeardown(client), inFlight, timeout);
		print("terminated", new JdkHttpClientTeardown(client).isTerminated());
		try {
			call.get(5, TimeUnit.SECONDS);
			print("call", "completed");
		}
		catch (ExecutionException ex) {
			print("call", ex.getCause().getClass().getName());
		}
		// What Spring's inferred destroy method does with a Java 21 HttpClient bean
		AtomicLong closeNanos = new AtomicLong(-1);
		Thread closer = new Thread(() -> {
			long start = System.nanoTime();
			try {
				((AutoCloseable) (Object) client).close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			closeNanos.set(System.nanoTime() - start);
		}, "scenario-close");
		closer.setDaemon(true);
		closer.start();
		closer.join(5000);
		print("closeReturned", !closer.isAlive());
		print("closeMs", TimeUnit.NANOSECONDS.toMillis(closeNanos.get()));
	}

	private static void callInFlight(SlowUpstream upstream) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String threadPrefix = "HttpClient-" + clientId(client) + "-";
		AtomicInteger inFlight = new AtomicInteger();
		CompletableFuture<HttpResponse<String>> call = send(client, upstream, "/delay/800", inFlight);
		awaitActive(upstream);
		print("clientThreadsBefore", threadNames(threadPrefix));
		closeAndPrint(new JdkHttpClientTeardown(client), inFlight, Duration.ofSeconds(5));
		print("callDone", call.isDone());
		HttpResponse<String> response = call.get(5, TimeUnit.SECONDS);
		print("status", response.statusCode());
		print("body", response.body());
		Deadline deadline = Deadline.after(Duration.ofSeconds(5));
		deadline.await(() -> threadNames(threadPrefix).isEmpty());
		print("clientThreadsAfter", threadNames(threadPrefix));
	}

	private static void closeAndPrint(JdkHttpClientTeardown teardown, AtomicInteger inFlight, Duration timeout) {
		StageClose close = StageClose.run(Stage.CLOSE,
				StageClose.participant(Kind.JDK_HTTPCLIENT, teardown, inFlight::get), timeout);
		print("elapsedMs", close.took().toMillis());
		print("outcome", close.result().outcome());
		print("detail", close.result().detail());
	}

	private static CompletableFuture<HttpResponse<String>> send(HttpClient client, SlowUpstream upstream, String path,
			AtomicInteger inFlight) {
		CompletableFuture<HttpResponse<String>> call = new CompletableFuture<>();
		inFlight.incrementAndGet();
		HttpRequest request = HttpRequest.newBuilder(upstream.uri(path)).build();
		client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
			if (failure != null) {
				call.completeExceptionally(failure);
			}
			else {
				call.complete(response);
			}
			inFlight.decrementAndGet();
		});
		return call;
	}

	private static void awaitActive(SlowUpstream upstream) throws InterruptedException {
		if (!Deadline.after(Duration.ofSeconds(10)).await(() -> upstream.active() == 1)) {
			throw new IllegalStateException("The call did not reach the upstream");
		}
	}

	/**
	 * Return the client's id, which names its threads: its {@code toString()} ends with
	 * {@code (id)}.
	 */
	private static String clientId(HttpClient client) {
		String description = client.toString();
		return description.substring(description.lastIndexOf('(') + 1, description.lastIndexOf(')'));
	}

	private static String threadNames(String prefix) {
		return String.join(",", LiveThreadNames.startingWith(prefix));
	}

	private static void startWatchdog() {
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(WATCHDOG.toMillis());
				System.out.println("watchdog=fired");
				System.out.flush();
				Runtime.getRuntime().halt(3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "scenario-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private static void print(String key, Object value) {
		System.out.println(key + "=" + value);
	}

}
