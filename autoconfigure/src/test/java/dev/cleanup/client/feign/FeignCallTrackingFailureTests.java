package dev.cleanup.client.feign;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.client.CallTracking;
import dev.cleanup.buildsupport.SlowUpstream;
import feign.Client;
import feign.Request;
import feign.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenFeign's capability: a URL that Feign sends but {@link URI} rejects leaves the call
 * to go ahead, untracked, as without the starter.
 *
 * @author cleanup contributors
 */
class FeignCallTrackingFailureTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void urlThatUriRejectsGoesAheadUntracked() throws IOException {
		AtomicInteger tracked = new AtomicInteger();
		AtomicInteger untracked = new AtomicInteger();
		CallTracking tracking = new CallTracking() {

			@Override
			public Call start(String method, URI uri) {
				tracked.incrementAndGet();
				return (failure) -> {
				};
			}

			@Override
			public Call untracked(Exception cause) {
				untracked.incrementAndGet();
				return (failure) -> {
				};
			}

		};
		Client plain = new Client.Default(null, null);
		Client client = new FeignCallTracking((name, transport) -> tracking).enrich(plain);
		// a query with '|', which the JDK's URLConnection sends and java.net.URI rejects
		// (so
		// does this upstream, the JDK's HttpServer: it answers 400, the same with the
		// starter)
		String rejected = this.upstream.uri("/delay/0") + "?filter=a|b";
		assertThat(call(client, rejected)).isEqualTo(call(plain, rejected)).contains("400");
		assertThat(call(client, this.upstream.uri("/delay/0").toString())).isEqualTo("done /delay/0");
		assertThat(untracked).hasValue(1);
		assertThat(tracked).hasValue(1);
	}

	private static String call(Client client, String url) throws IOException {
		Request request = Request.create(Request.HttpMethod.GET, url, Map.of(), null, StandardCharsets.UTF_8, null);
		try (Response response = client.execute(request, new Request.Options())) {
			return new String(response.body().asInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
