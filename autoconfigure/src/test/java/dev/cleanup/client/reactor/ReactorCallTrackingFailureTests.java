package dev.cleanup.client.reactor;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.client.CallTracking;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactor Netty's hooks: a recorder that fails leaves the call to go ahead, untracked.
 *
 * @author cleanup contributors
 */
class ReactorCallTrackingFailureTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void callGoesAheadUntrackedWhenRecordingFails() {
		AtomicInteger untracked = new AtomicInteger();
		CallTracking failing = new CallTracking() {

			@Override
			public Call start(String method, URI uri) {
				throw new IllegalStateException("recording failed");
			}

			@Override
			public Call untracked(Exception cause) {
				untracked.incrementAndGet();
				return (failure) -> {
				};
			}

		};
		HttpClient client = ReactorCallTracking.track(HttpClient.create(), failing);
		String body = client.get()
			.uri(this.upstream.uri("/delay/0"))
			.responseContent()
			.aggregate()
			.asString()
			.block(Duration.ofSeconds(10));
		assertThat(body).isEqualTo("done /delay/0");
		assertThat(untracked).hasValue(1);
	}

}
