package dev.cleanup.sample;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * End-to-end shutdown of the packaged sample application in a child JVM: outbound calls
 * in flight at SIGTERM, with the starter and without it.
 *
 * @author cleanup contributors
 */
class SampleShutdownIT {

	/**
	 * Background calls of each client (RestClient on an executor, WebClient with
	 * {@code subscribe()}), so twice as many calls in all.
	 */
	private static final int BACKGROUND_COUNT = 3;

	/**
	 * Upstream time of the background calls: they outlast the request-bound ones, so
	 * Boot's inbound drain alone does not save them.
	 */
	private static final long BACKGROUND_DELAY_MS = 6000;

	private static final long REQUEST_DELAY_MS = 2000;

	private static final Duration SIGTERM_AFTER = Duration.ofMillis(1000);

	/**
	 * What a JVM stopped by SIGTERM exits with once its shutdown hooks ran: 128 + 15.
	 */
	private static final int SIGTERM_EXIT_CODE = 143;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void callsInFlightAtSigtermAllCompleteAndTheProcessExitsRightAfterTheLastOne() throws Exception {
		try (SampleAppProcess app = SampleAppProcess.start()) {
			assertThat(send(app, "/linger").statusCode()).isEqualTo(200);
			InFlight inFlight = startCalls(app);
			// what the README's getting started shows, with calls in flight
			HttpResponse<String> endpoint = send(app, "/actuator/cleanup");
			assertThat(endpoint.statusCode()).isEqualTo(200);
			ReadmeBlocks.assertKeysOf("endpoint-response", endpoint.body());
			app.sigterm();
			long sigtermNanos = System.nanoTime();
			Duration exit = app.awaitExit(Duration.ofSeconds(60));
			Duration remaining = Duration.ofMillis(BACKGROUND_DELAY_MS)
				.minusNanos(sigtermNanos - inFlight.backgroundStartNanos());
			System.out.printf("(a) with cleanup: exit %d ms after SIGTERM, calls had %d ms left%n", exit.toMillis(),
					remaining.toMillis());
			assertThat(app.exitCode()).isEqualTo(SIGTERM_EXIT_CODE);
			assertThat(inFlight.requestBound()).allSatisfy((response) -> {
				HttpResponse<String> answer = response.get(5, TimeUnit.SECONDS);
				assertThat(answer.statusCode()).isEqualTo(200);
				assertThat(answer.body()).isEqualTo("upstream answered /delay/" + REQUEST_DELAY_MS);
			});
			String output = app.output();
			assertThat(app.lines("Background rest call completed")).as(output).hasSize(BACKGROUND_COUNT);
			assertThat(app.lines("Background web call completed")).as(output).hasSize(BACKGROUND_COUNT);
			assertThat(app.lines(" call failed")).as(output).isEmpty();
			assertThat(app.lines("cut      0 call(s)")).as(output).hasSize(1);
			ReadmeBlocks.assertLinesShownIn("startup-line", "Cleanup active:", output);
			ReadmeBlocks.assertLinesShownIn("shutdown-report", "Cleanup shutdown report", output);
			assertThat(exit).as(output).isGreaterThanOrEqualTo(remaining.minusMillis(500));
			assertThat(exit).as(output).isLessThanOrEqualTo(remaining.plusSeconds(1));
		}
	}

	@Test
	void callsToAnUpstreamThatNeverAnswersAreCutWithinTheTimeoutsAndReportedSanitized() throws Exception {
		try (SampleAppProcess app = SampleAppProcess.start("--cleanup.drain.timeout=2s", "--cleanup.close.timeout=1s",
				"--cleanup.dispose.timeout=1s")) {
			send(app, "/background?count=" + BACKGROUND_COUNT + "&path=hang");
			Thread.sleep(SIGTERM_AFTER.toMillis());
			app.sigterm();
			Duration exit = app.awaitExit(Duration.ofSeconds(60));
			System.out.printf("(b) upstream hangs: exit %d ms after SIGTERM%n", exit.toMillis());
			String output = app.output();
			assertThat(app.exitCode()).isEqualTo(SIGTERM_EXIT_CODE);
			// max(inbound 0 s, drain 2 s) + close 1 s + 1.1 s + dispose 1 s + 1.1 s, see
			// README
			assertThat(exit).as(output).isBetween(Duration.ofMillis(1500), Duration.ofMillis(6200 + 1000));
			assertThat(app.lines("drain    waited")).as(output)
				.singleElement(STRING)
				.contains("timed out with " + (2 * BACKGROUND_COUNT) + " tracked call(s) in flight");
			List<String> cut = app.lines("Outbound call cut by shutdown: ");
			assertThat(cut).as(output).hasSize(2 * BACKGROUND_COUNT);
			// both clients run on Reactor Netty's global resources, the pool their calls
			// are tracked on
			assertThat(cut).as(output).allSatisfy((line) -> {
				assertThat(line).containsPattern("reactor-http GET http://127\\.0\\.0\\.1:\\d+/hang\\?token=\\*{6} ");
				assertThat(line).doesNotContain("secret");
			});
		}
	}

	@Test
	void withoutCleanupTheBackgroundCallsInFlightAtSigtermAreLost() throws Exception {
		try (SampleAppProcess app = SampleAppProcess.start("--cleanup.enabled=false")) {
			InFlight inFlight = startCalls(app);
			app.sigterm();
			long sigtermNanos = System.nanoTime();
			Duration exit = app.awaitExit(Duration.ofSeconds(60));
			Duration remaining = Duration.ofMillis(BACKGROUND_DELAY_MS)
				.minusNanos(sigtermNanos - inFlight.backgroundStartNanos());
			System.out.printf("(c) plain Boot: exit %d ms after SIGTERM, background calls had %d ms left%n",
					exit.toMillis(), remaining.toMillis());
			String output = app.output();
			assertThat(app.exitCode()).isEqualTo(SIGTERM_EXIT_CODE);
			// Boot drains inbound requests, so the calls they make complete ...
			assertThat(inFlight.requestBound())
				.allSatisfy((response) -> assertThat(response.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
			// ... but nothing waits for outbound calls made in the background
			assertThat(app.lines("Background rest call completed")).as(output).isEmpty();
			assertThat(app.lines("Background web call completed")).as(output).isEmpty();
			assertThat(exit).as(output).isLessThan(remaining);
			assertThat(app.lines("Cleanup shutdown report")).as(output).isEmpty();
		}
	}

	@Test
	void processedAheadOfTimeTheSameShutdownDrainsHandBuiltAndBootBuiltClients() throws Exception {
		try (SampleAppProcess app = SampleAppProcess.start(List.of("-Dspring.aot.enabled=true"))) {
			InFlight inFlight = startCalls(app, "hand-built");
			app.sigterm();
			Duration exit = app.awaitExit(Duration.ofSeconds(60));
			String output = app.output();
			System.out.printf("(d) AOT, hand-built RestClient: exit %d ms after SIGTERM%n", exit.toMillis());
			assertThat(output).contains("Starting AOT-processed SampleApplication");
			assertThat(app.exitCode()).isEqualTo(SIGTERM_EXIT_CODE);
			assertThat(inFlight.requestBound())
				.allSatisfy((response) -> assertThat(response.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
			assertThat(app.lines("Background rest call completed")).as(output).hasSize(BACKGROUND_COUNT);
			assertThat(app.lines("Background web call completed")).as(output).hasSize(BACKGROUND_COUNT);
			assertThat(app.lines("  close    handBuiltRestClient")).as(output)
				.singleElement(STRING)
				.contains("graceful");
			assertThat(app.lines("cut      0 call(s)")).as(output).hasSize(1);
			assertThat(output).doesNotContain("dev.cleanup.Compatibility");
		}
	}

	private InFlight startCalls(SampleAppProcess app) throws Exception {
		return startCalls(app, "boot");
	}

	private InFlight startCalls(SampleAppProcess app, String restClient) throws Exception {
		// first calls initialize the clients; warm up so that calls start when asked
		assertThat(send(app, "/call/rest?delay=0").statusCode()).isEqualTo(200);
		assertThat(send(app, "/call/web?delay=0").statusCode()).isEqualTo(200);
		long backgroundStart = System.nanoTime();
		HttpResponse<String> started = send(app,
				"/background?count=" + BACKGROUND_COUNT + "&delay=" + BACKGROUND_DELAY_MS + "&client=" + restClient);
		assertThat(started.statusCode()).isEqualTo(200);
		List<CompletableFuture<HttpResponse<String>>> requestBound = List.of(
				sendAsync(app, "/call/rest?delay=" + REQUEST_DELAY_MS),
				sendAsync(app, "/call/web?delay=" + REQUEST_DELAY_MS));
		Thread.sleep(SIGTERM_AFTER.toMillis());
		return new InFlight(backgroundStart, requestBound);
	}

	private static HttpResponse<String> send(SampleAppProcess app, String pathAndQuery) throws Exception {
		return http.send(request(app, pathAndQuery), BodyHandlers.ofString());
	}

	private static CompletableFuture<HttpResponse<String>> sendAsync(SampleAppProcess app, String pathAndQuery) {
		return http.sendAsync(request(app, pathAndQuery), BodyHandlers.ofString());
	}

	private static HttpRequest request(SampleAppProcess app, String pathAndQuery) {
		return HttpRequest.newBuilder(app.uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).build();
	}

	private record InFlight(long backgroundStartNanos, List<CompletableFuture<HttpResponse<String>>> requestBound) {
	}

}
