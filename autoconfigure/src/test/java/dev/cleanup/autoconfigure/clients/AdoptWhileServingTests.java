package dev.cleanup.autoconfigure.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.autoconfigure.CleanupClients;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.testsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static final int CALLS = 300;

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
			// interceptors of its own, which its calls iterate
			template.getInterceptors().add((request, body, execution) -> execution.execute(request, body));
			template.getInterceptors().add((request, body, execution) -> execution.execute(request, body));
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			AtomicInteger answered = new AtomicInteger();
			List<CompletableFuture<Void>> running = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				running.add(CompletableFuture.runAsync(() -> {
					for (int call = 0; call < CALLS; call++) {
						try {
							template.getForObject(this.upstream.uri("/delay/0"), String.class);
							answered.incrementAndGet();
						}
						catch (RuntimeException ex) {
							failures.add(ex);
						}
					}
				}, this.threads));
			}
			while (answered.get() < CALLS) {
				Thread.onSpinWait();
			}
			context.getBean(CleanupClients.class).adopt("live", template);
			CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
			assertThat(failures).isEmpty();
			assertThat(answered).hasValue(THREADS * CALLS);
			assertThat(context.getBean(ParticipantRegistry.class).find("live")).isNotNull();
			assertThat(context.getBean(InFlightCalls.class).namedClient("live").tracksCalls()).isTrue();
		});
	}

}
