package dev.cleanup.autoconfigure.clients;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.autoconfigure.CleanupClients;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A RestTemplate handed over while it serves calls on other threads: the starter adopts
 * it by one write of its request factory, never by changing the unsynchronized list of
 * interceptors its calls iterate, so no call fails, and the calls made afterwards are
 * tracked.
 *
 * @author cleanup contributors
 */
class AdoptWhileServingTests {

	private static final int THREADS = 4;

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
		this.upstream.close();
	}

	@Test
	void adoptingATemplateInUseFailsNoCall() {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with()).run((context) -> {
			RestTemplate template = new RestTemplate(new HttpComponentsClientHttpRequestFactory());
			// interceptors of its own; each call composes them into one chain as it
			// runs, iterating the list, and the first holds that iteration until the
			// adoption: every call is then half-way through the list when it happens
			CountDownLatch adopted = new CountDownLatch(1);
			AtomicInteger held = new AtomicInteger();
			template.getInterceptors().add(new ClientHttpRequestInterceptor() {

				@Override
				public ClientHttpResponse intercept(HttpRequest request, byte[] body,
						ClientHttpRequestExecution execution) throws IOException {
					return execution.execute(request, body);
				}

				@Override
				public ClientHttpRequestInterceptor andThen(ClientHttpRequestInterceptor next) {
					if (adopted.getCount() > 0) {
						held.incrementAndGet();
						awaitQuietly(adopted);
					}
					return ClientHttpRequestInterceptor.super.andThen(next);
				}

			});
			template.getInterceptors().add((request, body, execution) -> execution.execute(request, body));
			List<CompletableFuture<String>> running = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				running.add(CompletableFuture.supplyAsync(
						() -> template.getForObject(this.upstream.uri("/delay/0"), String.class), this.threads));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> held.get() == THREADS);
			context.getBean(CleanupClients.class).adopt("live", template);
			adopted.countDown();
			assertThat(running).allSatisfy(
					(call) -> assertThat(call).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("done /delay/0"));
			// calls made afterwards are tracked
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			template.getForObject(this.upstream.uri("/delay/0"), String.class);
			assertThat(context.getBean(ParticipantRegistry.class).find("live")).isNotNull();
			assertThat(calls.namedClient("live").tracksCalls()).isTrue();
		});
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
