package dev.cleanup.tracking;

import java.net.URI;
import java.time.Duration;

import dev.cleanup.buildsupport.SlowUpstream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the starter cannot understand or record, the call goes ahead exactly as it
 * would without the starter: untracked, with one WARN per client, and counted. Each of
 * the Spring wrappers (the request factory, the interceptor, the exchange filter) is
 * given a recorder that fails.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class TrackingNeverChangesOutcomesTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final FailingCalls calls = new FailingCalls();

	private final TrackedClient client = this.calls.namedClient("payments");

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void requestFactoryWrapperLetsTheCallGoAhead(CapturedOutput output) {
		RestClient rest = RestClient.builder()
			.requestFactory(
					new TrackingClientHttpRequestFactory(new SimpleClientHttpRequestFactory(), this.calls, this.client))
			.build();
		assertCallsGoAheadUntracked(() -> rest.get().uri(this.upstream.uri("/delay/0")).retrieve().body(String.class),
				output);
	}

	@Test
	void interceptorLetsTheCallGoAhead(CapturedOutput output) {
		RestClient rest = RestClient.builder()
			.requestFactory(new SimpleClientHttpRequestFactory())
			.requestInterceptor(new TrackingClientHttpRequestInterceptor(this.calls, this.client))
			.build();
		assertCallsGoAheadUntracked(() -> rest.get().uri(this.upstream.uri("/delay/0")).retrieve().body(String.class),
				output);
	}

	@Test
	void exchangeFilterLetsTheCallGoAhead(CapturedOutput output) {
		WebClient web = WebClient.builder().filter(new TrackingExchangeFilterFunction(this.calls, this.client)).build();
		assertCallsGoAheadUntracked(() -> web.get()
			.uri(this.upstream.uri("/delay/0"))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10)), output);
	}

	private void assertCallsGoAheadUntracked(java.util.function.Supplier<String> call, CapturedOutput output) {
		assertThat(call.get()).isEqualTo("done /delay/0");
		assertThat(call.get()).isEqualTo("done /delay/0");
		assertThat(this.calls.inFlightCount()).isZero();
		assertThat(this.calls.untrackedCalls()).isEqualTo(2);
		assertThat(output.toString().lines().filter((line) -> line.contains("that the starter cannot track")))
			.singleElement()
			.asString()
			.contains("'payments'")
			.contains("IllegalStateException");
	}

	/**
	 * Calls whose recording fails, as a bug of the starter's would make it.
	 */
	static final class FailingCalls extends InFlightCalls {

		@Override
		InFlightCall record(TrackedClient client, String method, URI uri, @Nullable Duration timeout) {
			throw new IllegalStateException("recording failed");
		}

	}

}
