package dev.cleanup.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CleanupEndpoint} over real HTTP while slow outbound calls are in
 * flight.
 *
 * @author cleanup contributors
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=cleanup",
				"spring.http.clients.imperative.factory=http-components" })
class CleanupEndpointWebTests {

	static final SlowUpstream upstream = SlowUpstream.start();

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private final ExecutorService background = Executors.newFixedThreadPool(4);

	@LocalServerPort
	int port;

	@Autowired
	RestClient restClient;

	@Autowired
	WebClient webClient;

	@Autowired
	InFlightCalls calls;

	@Autowired
	ThreadPoolTaskScheduler jobScheduler;

	@AfterEach
	void stop() {
		this.background.shutdownNow();
	}

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@Test
	void listsParticipantsAndInFlightCallsWithGrowingElapsedTimeAndNoSecrets() throws Exception {
		URI withUserInfo = URI
			.create("http://user:hunter2@127.0.0.1:" + upstream.uri("/").getPort() + "/delay/1500?key=abc");
		this.background.submit(() -> this.restClient.get()
			.uri(upstream.uri("/delay/1500?token=s3cr3t&page=2"))
			.retrieve()
			.body(String.class));
		Disposable web = this.webClient.get().uri(withUserInfo).retrieve().bodyToMono(String.class).subscribe();
		try {
			await().until(() -> this.calls.inFlightCount() == 2);
			JsonNode first = get("/actuator/cleanup").body();
			Thread.sleep(50);
			JsonNode second = get("/actuator/cleanup").body();
			assertThat(first.get("state").asString()).isEqualTo("RUNNING");
			assertThat(names(first.get("stages"))).containsExactly("drain", "close", "dispose", "report");
			List<String> kinds = first.get("participants").valueStream().map((p) -> p.get("kind").asString()).toList();
			assertThat(kinds).contains("apache-httpclient5", "reactor-netty");
			JsonNode apache = first.get("participants")
				.valueStream()
				.filter((p) -> p.get("kind").asString().equals("apache-httpclient5"))
				.findFirst()
				.orElseThrow();
			assertThat(apache.get("pool").get("inUse").asInt()).isEqualTo(1);
			assertThat(apache.get("state").asString()).isEqualTo("open");
			assertThat(first.get("inFlight")).hasSize(2);
			String body = first.toString();
			assertThat(body).doesNotContain("hunter2")
				.doesNotContain("user:")
				.doesNotContain("s3cr3t")
				.doesNotContain("abc")
				.contains("token=******&page=******");
			for (int i = 0; i < 2; i++) {
				JsonNode before = first.get("inFlight").get(i);
				JsonNode after = second.get("inFlight").get(i);
				assertThat(after.get("uri").asString()).isEqualTo(before.get("uri").asString());
				assertThat(after.get("elapsedMs").asLong()).isGreaterThan(before.get("elapsedMs").asLong());
				assertThat(before.get("startedAt").asString()).isNotEmpty();
				assertThat(before.get("method").asString()).isEqualTo("GET");
			}
			assertThat(first.get("budget").get("worstCaseMs").asLong()).isPositive();
			// with every upstream stuck each call is cut at its allowance: less than the
			// worst case, which needs calls that keep starting during shutdown
			assertThat(first.get("budget").get("stuckUpstreamMs").asLong()).isPositive()
				.isLessThan(first.get("budget").get("worstCaseMs").asLong());
			assertThat(first.get("budget").get("stuckUpstreamArithmetic").asString()).startsWith("max(inbound drain ");
			assertThat(first.has("lingeringTasks")).isTrue();
			assertThat(first.has("pendingTimeouts")).isTrue();
			assertThat(first.has("leakedThreads")).isTrue();
		}
		finally {
			web.dispose();
		}
	}

	@Test
	void showsOneParticipantByNameAndAnswers404ForUnknownOrOddNames() throws Exception {
		Response one = get("/actuator/cleanup/http-client-apache");
		assertThat(one.status()).as(() -> "participants: " + names(body("/actuator/cleanup").get("participants")))
			.isEqualTo(200);
		assertThat(one.body().get("name").asString()).isEqualTo("http-client-apache");
		assertThat(one.body().get("kind").asString()).isEqualTo("apache-httpclient5");
		assertThat(one.body().get("stage").asString()).isEqualTo("close");
		assertThat(one.body().get("timeout").asString()).isEqualTo("PT5S");
		assertThat(get("/actuator/cleanup/no-such-pool").status()).isEqualTo(404);
		assertThat(get("/actuator/cleanup/" + "x".repeat(5000)).status()).isBetween(400, 499);
		assertThat(get("/actuator/cleanup/%2E%2E").status()).isBetween(400, 499);
		assertThat(get("/actuator/cleanup/caf%C3%A9").status()).isBetween(400, 499);
	}

	@Test
	void emergencyCleanupIsRefusedByDefault() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/cleanup"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isBetween(400, 499);
	}

	@Test
	void pendingTimeoutsCountReactorTimeoutsAndScheduledTasksAndForgetThemOnceDone() throws Exception {
		// Earlier tests in this JVM may have created Reactor's schedulers before the
		// starter installed its decorator; in an application the decorator comes first
		Schedulers.shutdownNow();
		List<Disposable> timeouts = List.of(subscribeTimeout(), subscribeTimeout(), subscribeTimeout());
		ScheduledFuture<?> job = this.jobScheduler.getScheduledExecutor().schedule(() -> {
		}, 1, TimeUnit.HOURS);
		try {
			JsonNode pending = get("/actuator/cleanup").body().get("pendingTimeouts");
			assertThat(pendingOf(pending, "reactor-schedulers")).isGreaterThanOrEqualTo(3);
			assertThat(pendingOf(pending, "jobScheduler")).isEqualTo(1);
		}
		finally {
			timeouts.forEach(Disposable::dispose);
			job.cancel(false);
		}
		JsonNode after = get("/actuator/cleanup").body();
		assertThat(pendingOf(after.get("pendingTimeouts"), "reactor-schedulers")).isZero();
		assertThat(pendingOf(after.get("pendingTimeouts"), "jobScheduler")).isZero();
		// Spring's scheduler keeps cancelled tasks queued: that one lingers until removed
		assertThat(after.get("lingeringTasks")
			.valueStream()
			.filter((task) -> task.get("source").asString().equals("jobScheduler"))
			.map((task) -> task.get("reason").asString())).containsExactly("cancelled but not removed from its queue");
		this.jobScheduler.getScheduledThreadPoolExecutor().purge();
	}

	private Disposable subscribeTimeout() {
		return Mono.never().timeout(Duration.ofMinutes(5)).subscribe((value) -> {
		}, (ex) -> {
		});
	}

	private static long pendingOf(JsonNode pendingTimeouts, String source) {
		return pendingTimeouts.get("sources")
			.valueStream()
			.filter((entry) -> entry.get("source").asString().equals(source))
			.findFirst()
			.map((entry) -> entry.get("pending").asLong())
			.orElseThrow(() -> new AssertionError("No source " + source + " in " + pendingTimeouts));
	}

	private static List<String> names(JsonNode array) {
		return array.valueStream().map((node) -> node.get("name").asString()).toList();
	}

	private JsonNode body(String path) {
		try {
			return get(path).body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode body = (response.statusCode() == 200) ? this.json.readTree(response.body()) : null;
		return new Response(response.statusCode(), body);
	}

	record Response(int status, JsonNode body) {
	}

}
