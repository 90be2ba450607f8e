package dev.cleanup.actuate;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import dev.cleanup.autoconfigure.CleanupMetricsAutoConfiguration;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CleanupMetrics} bound to a {@link SimpleMeterRegistry}, during and
 * after a real shutdown.
 *
 * @author cleanup contributors
 */
class CleanupMetricsTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newFixedThreadPool(2);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with(CleanupMetricsAutoConfiguration.class))
		.withPropertyValues("spring.http.clients.imperative.factory=jetty", "cleanup.drain.timeout=300ms",
				"cleanup.close.timeout=300ms");

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.upstream.close();
	}

	@Test
	void metersTellTheSameStoryAsTheReport() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.contextRunner.run((context) -> {
			context.getBean(CleanupMetrics.class).bindTo(registry);
			context.getBean(ParticipantRegistry.class).register("downloads", () -> {
			});
			RestClient client = context.getBean(RestClient.Builder.class).build();
			this.background
				.submit(() -> client.get().uri(this.upstream.uri("/hang?token=secret")).retrieve().body(String.class));
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			await().until(() -> calls.inFlightCount() == 1);
			assertThat(registry.get("cleanup.inflight").tag("client", "captured").gauge().value()).isEqualTo(1);
			assertThat(registry.get("cleanup.lingering.tasks").tag("source", "call-deadlines").gauge().value())
				.isZero();
			context.close();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.get("cleanup.requests.cut")
					.tag("client", "captured")
					.functionCounter()
					.count() == 1);
			assertThat(registry.get("cleanup.inflight").tag("client", "captured").gauge().value()).isZero();
			assertThat(registry.get("cleanup.close")
				.tags("participant", "downloads", "kind", "custom", "stage", "close", "outcome", "graceful")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("cleanup.close")
				.tags("participant", "captured", "kind", "jetty-httpclient", "stage", "close", "outcome", "forced")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
				.noneMatch((tag) -> tag.getValue().contains("/") || tag.getValue().contains("secret")));
		});
	}

	@Test
	void metersAreNotBoundWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CleanupMetrics.class));
	}

	@Test
	void participantsOfCapturedPoolsShareOneTagValue() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		this.contextRunner.run((context) -> {
			context.getBean(CleanupMetrics.class).bindTo(registry);
			for (int i = 0; i < 20; i++) {
				context.getBean(RestClient.Builder.class).build();
			}
			ParticipantRegistry participants = context.getBean(ParticipantRegistry.class);
			assertThat(participants.participants()).filteredOn(Participant::isCaptured).hasSizeGreaterThanOrEqualTo(20);
			context.close();
			// 20 captured pools, one tag value; strong participants keep their names
			assertThat(registry.find("cleanup.close").tag("kind", "jetty-httpclient").timers())
				.extracting((timer) -> timer.getId().getTag("participant"))
				.containsOnly("captured");
			assertThat(registry.find("cleanup.close").timers())
				.extracting((timer) -> timer.getId().getTag("participant"))
				.noneMatch((name) -> name.startsWith("http-client-jetty"));
		});
	}

	/**
	 * A meter registry may outlive its context (one held by Micrometer's Logback metrics,
	 * which Logback's JVM-wide logger context keeps, or a registry shared by several
	 * contexts): the gauges it keeps must not keep the context's calls.
	 */
	@Test
	void aRegistryThatOutlivesItsContextKeepsNoneOfItsCalls() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		WeakReference<InFlightCalls> calls = bindAndClose(registry);
		assertThat(registry.find(CleanupMeters.LINGERING_TASKS.getName()).gauges()).isNotEmpty();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			System.gc();
			return calls.get() == null;
		});
	}

	private WeakReference<InFlightCalls> bindAndClose(MeterRegistry registry) {
		AtomicReference<WeakReference<InFlightCalls>> calls = new AtomicReference<>();
		this.contextRunner.run((context) -> {
			context.getBean(CleanupMetrics.class).bindTo(registry);
			calls.set(new WeakReference<>(context.getBean(InFlightCalls.class)));
		});
		return calls.get();
	}

}
