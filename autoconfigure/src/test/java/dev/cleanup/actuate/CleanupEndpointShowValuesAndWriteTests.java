package dev.cleanup.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CleanupEndpoint} with query values shown and unrestricted access.
 *
 * @author cleanup contributors
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=cleanup",
				"management.endpoint.cleanup.show-values=always", "management.endpoint.cleanup.access=unrestricted" })
class CleanupEndpointShowValuesAndWriteTests {

	static final SlowUpstream upstream = SlowUpstream.start();

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	WebClient webClient;

	@Autowired
	InFlightCalls calls;

	@Autowired
	ThreadPoolTaskScheduler jobScheduler;

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@Test
	void queryValuesAreShownWhenAllowedButUserInfoNever() throws Exception {
		URI withSecrets = URI
			.create("http://user:hunter2@127.0.0.1:" + upstream.uri("/").getPort() + "/delay/1500?token=s3cr3t");
		Disposable call = this.webClient.get().uri(withSecrets).retrieve().bodyToMono(String.class).subscribe();
		try {
			await().until(() -> this.calls.inFlightCount() == 1);
			String body = send(HttpRequest.newBuilder(uri("/actuator/cleanup")).build()).body();
			assertThat(body).contains("token=s3cr3t").doesNotContain("hunter2").doesNotContain("user:");
		}
		finally {
			call.dispose();
		}
	}

	@Test
	void emergencyCleanupRemovesALingeringTaskWithoutTouchingALiveOne() throws Exception {
		ScheduledFuture<?> live = this.jobScheduler.getScheduledExecutor().schedule(() -> {
		}, 1, TimeUnit.HOURS);
		ScheduledFuture<?> cancelled = this.jobScheduler.getScheduledExecutor().schedule(() -> {
		}, 1, TimeUnit.HOURS);
		cancelled.cancel(false);
		try {
			JsonNode before = this.json.readTree(send(HttpRequest.newBuilder(uri("/actuator/cleanup")).build()).body());
			assertThat(lingeringOf(before, "jobScheduler")).isEqualTo(1);
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(uri("/actuator/cleanup")).POST(HttpRequest.BodyPublishers.noBody()).build());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode done = this.json.readTree(response.body());
			assertThat(done.get("lingeringTasksRemoved").asLong()).isEqualTo(1);
			assertThat(this.jobScheduler.getScheduledThreadPoolExecutor().getQueue()).hasSize(1);
			assertThat(live.isCancelled()).isFalse();
			JsonNode after = this.json.readTree(send(HttpRequest.newBuilder(uri("/actuator/cleanup")).build()).body());
			assertThat(lingeringOf(after, "jobScheduler")).isZero();
		}
		finally {
			live.cancel(false);
			this.jobScheduler.getScheduledThreadPoolExecutor().purge();
		}
	}

	private static long lingeringOf(JsonNode body, String source) {
		return body.get("lingeringTasks")
			.valueStream()
			.filter((task) -> task.get("source").asString().equals(source))
			.count();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
