package dev.cleanup.tracking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.core.ShutdownReport.DrainResult;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for in-flight tracking of clients built from Boot's builders.
 *
 * @author cleanup contributors
 */
class InFlightTrackingTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with());

	private final ExecutorService background = Executors.newFixedThreadPool(4);

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.upstream.close();
	}

	@Test
	void restClientCallIsTrackedWhileInFlightAndForgottenAfter() {
		this.contextRunner.run((context) -> {
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			RestClient client = context.getBean(RestClient.Builder.class).build();
			this.background.submit(
					() -> client.get().uri(this.upstream.uri("/delay/700?token=secret")).retrieve().body(String.class));
			await().until(() -> calls.inFlightCount() == 1);
			InFlightCall call = calls.snapshot().get(0);
			assertThat(call.method()).isEqualTo("GET");
			assertThat(call.uri()).isEqualTo(this.upstream.uri("/delay/700?token=secret"));
			assertThat(UriSanitizer.sanitize(call.uri())).endsWith("/delay/700?token=******");
			assertThat(call.threadName()).startsWith("pool-");
			Duration first = call.elapsed();
			await().until(() -> call.elapsed().compareTo(first) > 0);
			await().until(() -> calls.inFlightCount() == 0);
			assertThat(call.client().inFlightCount()).isZero();
		});
	}

	@Test
	void webClientCallSubscribedInTheBackgroundIsTracked() {
		this.contextRunner.run((context) -> {
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			WebClient client = context.getBean(WebClient.Builder.class).build();
			AtomicInteger done = new AtomicInteger();
			client.get()
				.uri(this.upstream.uri("/delay/700"))
				.retrieve()
				.bodyToMono(String.class)
				.subscribe((body) -> done.incrementAndGet());
			await().until(() -> calls.inFlightCount() == 1);
			assertThat(calls.snapshot().get(0).method()).isEqualTo("GET");
			await().until(() -> done.get() == 1 && calls.inFlightCount() == 0);
		});
	}

	@Test
	void backgroundCallsInFlightWhenTheContextClosesCompleteWithinTheDrain() {
		this.contextRunner.run((context) -> {
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			RestClient restClient = context.getBean(RestClient.Builder.class).build();
			WebClient webClient = context.getBean(WebClient.Builder.class).build();
			AtomicInteger completed = new AtomicInteger();
			for (int i = 0; i < 3; i++) {
				this.background.submit(() -> {
					restClient.get().uri(this.upstream.uri("/delay/1500")).retrieve().body(String.class);
					completed.incrementAndGet();
				});
				webClient.get()
					.uri(this.upstream.uri("/delay/1500"))
					.retrieve()
					.bodyToMono(String.class)
					.subscribe((body) -> completed.incrementAndGet());
			}
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			await().until(() -> calls.inFlightCount() == 6);
			context.close();
			assertThat(completed).hasValue(6);
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			DrainResult drain = report.drain();
			assertThat(drain.drained()).isTrue();
			assertThat(drain.waited()).isGreaterThan(Duration.ofMillis(500));
			assertThat(report.cutCalls()).isEmpty();
		});
	}

	@Test
	void restClientIsTrackedThroughItsFactoryWithoutAnInterceptorThatWouldBufferBodies() {
		this.contextRunner.run((context) -> {
			List<Object> interceptors = new ArrayList<>();
			context.getBean(RestClient.Builder.class).requestInterceptors(interceptors::addAll);
			assertThat(interceptors).isEmpty();
			RestClient client = context.getBean(RestClient.Builder.class).build();
			String body = client.post()
				.uri(this.upstream.uri("/delay/10"))
				.body("payload")
				.retrieve()
				.body(String.class);
			assertThat(body).isEqualTo("done /delay/10");
			assertThat(context.getBean(InFlightCalls.class).inFlightCount()).isZero();
		});
	}

	@Test
	void restTemplateIsTrackedThroughItsFactoryWithoutAnInterceptorThatWouldBufferBodies() {
		this.contextRunner.run((context) -> {
			RestTemplate template = context.getBean(RestTemplateBuilder.class).build();
			assertThat(template.getInterceptors()).isEmpty();
			assertThat(template.getRequestFactory()).isInstanceOf(TrackingClientHttpRequestFactory.class);
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			this.background
				.submit(() -> template.postForObject(this.upstream.uri("/delay/700"), "payload", String.class));
			await().until(() -> calls.inFlightCount() == 1);
			assertThat(calls.snapshot().get(0).method()).isEqualTo("POST");
			await().until(() -> calls.inFlightCount() == 0);
		});
	}

	@Test
	void restTemplateWithInterceptorsKeepsThemInTheirOrderAndIsTrackedThroughItsFactory() {
		this.contextRunner.run((context) -> {
			ClientHttpRequestInterceptor first = (request, body, execution) -> execution.execute(request, body);
			ClientHttpRequestInterceptor second = (request, body, execution) -> execution.execute(request, body);
			RestTemplate template = context.getBean(RestTemplateBuilder.class)
				.additionalInterceptors(second, first)
				.build();
			assertThat(template.getInterceptors()).containsExactly(second, first);
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			this.background.submit(() -> template.getForObject(this.upstream.uri("/delay/700"), String.class));
			await().until(() -> calls.inFlightCount() == 1);
			await().until(() -> calls.inFlightCount() == 0);
		});
	}

	@Test
	void restTemplateWithAFactoryOfItsOwnIsTrackedByWrappingThatFactoryNotByAnInterceptor() {
		this.contextRunner.run((context) -> {
			RestTemplate template = context.getBean(RestTemplateBuilder.class)
				.requestFactory(SimpleClientHttpRequestFactory::new)
				.build();
			// an interceptor would make the template buffer every request body
			assertThat(template.getInterceptors()).isEmpty();
			assertThat(template.getRequestFactory()).isInstanceOfSatisfying(TrackingClientHttpRequestFactory.class,
					(factory) -> assertThat(factory.getDelegate()).isInstanceOf(SimpleClientHttpRequestFactory.class));
			InFlightCalls calls = context.getBean(InFlightCalls.class);
			this.background.submit(() -> template.getForObject(this.upstream.uri("/delay/700"), String.class));
			await().until(() -> calls.inFlightCount() == 1);
			await().until(() -> calls.inFlightCount() == 0);
		});
	}

	@Test
	void trackingIsAddedOncePerBuilder() {
		this.contextRunner.run((context) -> {
			List<Object> interceptors = new ArrayList<>();
			context.getBean(RestClient.Builder.class).requestInterceptors(interceptors::addAll);
			// tracked by the wrapped factory (one call counts once, as the tests above
			// show)
			assertThat(interceptors).isEmpty();
			List<Object> filters = new ArrayList<>();
			context.getBean(WebClient.Builder.class).filters(filters::addAll);
			assertThat(filters).hasOnlyElementsOfType(TrackingExchangeFilterFunction.class).hasSize(1);
		});
	}

}
