package dev.cleanup.tracking;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TrackingExchangeFilterFunction} on a real WebClient and a real
 * loopback upstream: a call is in flight from subscription until its body ends, however
 * it ends.
 *
 * @author cleanup contributors
 */
class TrackingExchangeFilterFunctionTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final InFlightCalls calls = new InFlightCalls();

	private final WebClient client = WebClient.builder()
		.filter(new TrackingExchangeFilterFunction(this.calls, this.calls.namedClient("web")))
		.build();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void callIsInFlightUntilItsBodyIsRead() {
		Mono<String> body = this.client.get().uri(this.upstream.uri("/delay/300")).retrieve().bodyToMono(String.class);
		assertThat(this.calls.inFlightCount()).as("nothing is tracked before subscription").isZero();
		AtomicInteger done = new AtomicInteger();
		body.subscribe((value) -> done.incrementAndGet());
		await().until(() -> this.calls.inFlightCount() == 1);
		await().until(() -> done.get() == 1 && this.calls.inFlightCount() == 0);
	}

	@Test
	void callWhoseResponseIsReleasedUnreadEnds() {
		Integer status = this.client.get()
			.uri(this.upstream.uri("/delay/10"))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()))
			.block(Duration.ofSeconds(10));
		assertThat(status).isEqualTo(200);
		assertThat(this.calls.inFlightCount()).isZero();
	}

	@Test
	void callWhoseBodyIsTakenOnlyInPartEnds() {
		List<String> chunks = this.client.get()
			.uri(this.upstream.uri("/delay/10"))
			.retrieve()
			.bodyToFlux(String.class)
			.take(1)
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(chunks).hasSize(1);
		assertThat(this.calls.inFlightCount()).isZero();
	}

	@Test
	void callCancelledBeforeItsResponseEndsAtOnce() {
		Disposable call = this.client.get()
			.uri(this.upstream.uri("/hang"))
			.retrieve()
			.bodyToMono(String.class)
			.subscribe();
		await().until(() -> this.upstream.active() == 1);
		assertThat(this.calls.inFlightCount()).isOne();
		call.dispose();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.calls.inFlightCount() == 0);
		assertThat(this.upstream.active()).as("the upstream is still hanging").isEqualTo(1);
	}

	@Test
	void callThatFailsToConnectEndsWithItsFailure() throws IOException {
		this.calls.namedClient("web").poolClosing();
		URI closedPort = URI.create("http://127.0.0.1:" + closedPort() + "/nobody?token=secret");
		assertThatExceptionOfType(WebClientRequestException.class).isThrownBy(() -> this.client.get()
			.uri(closedPort)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10)));
		assertThat(this.calls.inFlightCount()).isZero();
		List<CutCall> cut = this.calls.cutCalls();
		assertThat(cut).singleElement().satisfies((call) -> {
			assertThat(call.uri()).endsWith("/nobody?token=******");
			assertThat(call.reason()).contains("failed after its pool started closing");
		});
	}

	@Test
	void eachRetryIsACallOfItsOwn() {
		AtomicInteger subscriptions = new AtomicInteger();
		String body = this.client.get()
			.uri(this.upstream.uri("/delay/10"))
			.retrieve()
			.bodyToMono(String.class)
			.doOnSubscribe((subscription) -> subscriptions.incrementAndGet())
			.flatMap((value) -> (subscriptions.get() < 3) ? Mono.<String>error(new IllegalStateException("again"))
					: Mono.just(value))
			.retry(2)
			.block(Duration.ofSeconds(10));
		assertThat(body).isEqualTo("done /delay/10");
		assertThat(subscriptions).hasValue(3);
		assertThat(this.calls.inFlightCount()).isZero();
		assertThat(this.calls.namedClient("web").inFlightCount()).isZero();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
