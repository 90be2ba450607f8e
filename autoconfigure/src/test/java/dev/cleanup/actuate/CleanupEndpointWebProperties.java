package dev.cleanup.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.cleanup.test.HostileNames.HostileName;
import dev.cleanup.test.HostileNames;
import dev.cleanup.test.HostileUris.HostileUri;
import dev.cleanup.test.HostileUris;
import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.UriSanitizer;
import org.instancio.Random;
import org.instancio.junit.Given;
import org.instancio.junit.GivenProvider;
import org.instancio.junit.InstancioExtension;
import org.instancio.junit.Seed;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cleanup} endpoint over real HTTP, with its write operation enabled and query
 * values shown: no generated name sent to {@code /actuator/cleanup/{name}} and no
 * generated request to the write operation yields a server error, and in-flight calls to
 * generated hostile URIs are listed without what the sanitizer hides. Shares its
 * application context with {@link CleanupEndpointShowValuesAndWriteTests}.
 *
 * @author cleanup contributors
 */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "management.endpoints.web.exposure.include=cleanup",
				"management.endpoint.cleanup.show-values=always", "management.endpoint.cleanup.access=unrestricted" })
@ExtendWith(InstancioExtension.class)
class CleanupEndpointWebProperties {

	private static final int TRIES = 100;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	InFlightCalls calls;

	@Test
	@Seed(20261130L)
	void noGeneratedNameYieldsAServerError(@Given(HostileNames.Provider.class) Stream<HostileName> names)
			throws Exception {
		for (HostileName name : names.limit(TRIES).toList()) {
			URI uri = uri("/actuator/cleanup/" + name.segment());
			HttpResponse<String> read = send(HttpRequest.newBuilder(uri).GET());
			assertThat(read.statusCode()).as("GET %s", name).isLessThan(500);
			if (read.statusCode() == 200 && read.body().startsWith("{\"name\"")) {
				assertThat(this.json.readTree(read.body()).get("name").asString()).as("GET %s", name)
					.isEqualTo(name.name());
			}
			HttpResponse<String> write = send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(write.statusCode()).as("POST %s", name).isLessThan(500);
		}
	}

	@Test
	@Seed(20261130L)
	void noGeneratedRequestToTheWriteOperationYieldsAServerError(
			@Given(WriteRequests.class) Stream<WriteRequest> requests) throws Exception {
		for (WriteRequest request : requests.limit(TRIES).toList()) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(uri("/actuator/cleanup" + request.query()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
			if (request.contentType() != null) {
				builder.header("Content-Type", request.contentType());
			}
			if (request.accept() != null) {
				builder.header("Accept", request.accept());
			}
			HttpResponse<String> response = send(builder);
			assertThat(response.statusCode()).as("%s", request).isLessThan(500);
		}
	}

	@Test
	@Seed(20261130L)
	void inFlightCallsToHostileUrisAreListedWithoutWhatTheSanitizerHides(
			@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) throws Exception {
		TrackedClient client = this.calls.namedClient("hostileClient");
		for (HostileUri generated : uris.limit(TRIES / 2).toList()) {
			List<InFlightCall> started = new ArrayList<>();
			started.add(this.calls.start(client, "GET", generated.uri()));
			started.add(this.calls.start(client, "GET", generated.uri(), Duration.ofMillis(-1)));
			try {
				HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/actuator/cleanup")).GET());
				assertThat(response.statusCode()).as("%s", generated).isEqualTo(200);
				assertThat(HostileUris.leaks(response.body(), HostileUris.SECRET))
					.as("%s in %s", generated, HostileUris.abbreviate(response.body()))
					.isFalse();
				JsonNode body = this.json.readTree(response.body());
				assertThat(body.get("inFlight")
					.valueStream()
					.filter((call) -> call.get("client").asString().equals("hostileClient"))
					.map((call) -> call.get("uri").asString())).as("%s", generated)
					.hasSize(2)
					.containsOnly(UriSanitizer.sanitize(generated.uri(), true));
			}
			finally {
				started.forEach((call) -> this.calls.end(call, null));
			}
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * A generated request to the write operation.
	 *
	 * @param query the query, with its {@code ?}, or empty
	 * @param contentType the content type, if any
	 * @param accept the accepted media types, if any
	 * @param body the body
	 */
	record WriteRequest(String query, @Nullable String contentType, @Nullable String accept, byte[] body) {

		@Override
		public String toString() {
			String text = new String(this.body, StandardCharsets.UTF_8);
			return "POST /actuator/cleanup" + HostileUris.abbreviate(this.query) + " Content-Type: " + this.contentType
					+ " Accept: " + this.accept + " body (" + this.body.length + " bytes): "
					+ HostileUris.abbreviate(text);
		}

	}

	/**
	 * Draws requests to the write operation: odd queries, content types and accepted
	 * types, and bodies from empty through malformed and deeply nested JSON to random
	 * bytes. A wildcard content type ({@code *}{@code /*}, {@code application/*}) is left
	 * out: Spring MVC answers it with a 500 on every actuator endpoint, reads and writes
	 * alike, before the endpoint's code runs
	 * ({@code ServletServerHttpRequest.getHeaders()} rejects it;
	 * spring-projects/spring-framework#27957).
	 */
	static final class WriteRequests implements GivenProvider {

		private static final String[] QUERIES = { "", "?", "?x=1", "?name=..", "?%00=1", "?a=%C3%A9&a=&=b",
				"?force=true&force=false", "?" + "k=v&".repeat(500) };

		private static final String[] CONTENT_TYPES = { "application/json",
				"application/vnd.spring-boot.actuator.v3+json", "application/json; charset=ISO-8859-1", "text/plain",
				"application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x",
				"garbage", "application/xml", "application/json; charset=garbage", "application/json; q", ";", "/" };

		private static final String[] ACCEPTS = { "*/*", "application/json", "text/html", "application/xml",
				"text/event-stream", "garbage", "application/vnd.spring-boot.actuator.v2+json" };

		private static final String[] BODIES = { "", "{}", "null", "[]", "{", "}", "\"x\"", "{\"name\":\"..\"}",
				"{\"a\":1,\"a\":2}", "0", "true", "{\"\u0000\":\"\u0000\"}", "\ufeff{}" };

		@Override
		public Object provide(ElementContext context) {
			Random random = context.random();
			String query = random.oneOf(QUERIES);
			// often a request the operation accepts, so that it runs
			String contentType = switch (random.intRange(0, 4)) {
				case 0 -> null;
				case 1, 2 -> "application/json";
				default -> random.oneOf(CONTENT_TYPES);
			};
			String accept = random.trueOrFalse() ? random.oneOf(ACCEPTS) : null;
			byte[] body = switch (random.intRange(0, 3)) {
				case 0 -> random.oneOf(BODIES).getBytes(StandardCharsets.UTF_8);
				case 1 -> ("{\"a\":" + "[".repeat(random.intRange(500, 5000))).getBytes(StandardCharsets.UTF_8);
				case 2 -> randomBytes(random, random.intRange(1, 2000));
				default ->
					("{\"k\":\"" + "v".repeat(random.intRange(1000, 200_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
			};
			return new WriteRequest(query, contentType, accept, body);
		}

		private static byte[] randomBytes(Random random, int length) {
			byte[] bytes = new byte[length];
			for (int i = 0; i < length; i++) {
				bytes[i] = random.byteRange(Byte.MIN_VALUE, Byte.MAX_VALUE);
			}
			return bytes;
		}

	}

}
