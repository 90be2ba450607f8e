package dev.cleanup.bench.jmh;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Per-call cost of tracking a client bean built by hand: each client is a bean of a real
 * context with the starter, built on a stub factory or connector that answers at once,
 * and is called in full (RestClient, RestTemplate, WebClient); the same client built
 * without the starter is the baseline. The difference is what the starter adds to a call
 * of such a bean.
 *
 * @author cleanup contributors
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = { "-Xmx256m" })
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class HandBuiltClientBeanBenchmark {

	private static final URI URI_ = URI.create("http://127.0.0.1:8081/orders/42?token=secret");

	private AnnotationConfigApplicationContext context;

	private RestClient trackedRestClient;

	private RestTemplate trackedRestTemplate;

	private WebClient trackedWebClient;

	private final RestClient restClient = HandBuiltClients.restClient();

	private final RestTemplate restTemplate = HandBuiltClients.restTemplate();

	private final WebClient webClient = HandBuiltClients.webClient();

	@Setup(Level.Trial)
	public void start() {
		this.context = new AnnotationConfigApplicationContext(CleanupAutoConfiguration.class, HandBuiltClients.class);
		this.trackedRestClient = this.context.getBean(RestClient.class);
		this.trackedRestTemplate = this.context.getBean(RestTemplate.class);
		this.trackedWebClient = this.context.getBean(WebClient.class);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public Object restClientWithoutTracking() {
		return this.restClient.get().uri(URI_).retrieve().toBodilessEntity();
	}

	@Benchmark
	public Object restClientWithTracking() {
		return this.trackedRestClient.get().uri(URI_).retrieve().toBodilessEntity();
	}

	@Benchmark
	public Object restTemplateWithoutTracking() {
		return this.restTemplate.headForHeaders(URI_);
	}

	@Benchmark
	public Object restTemplateWithTracking() {
		return this.trackedRestTemplate.headForHeaders(URI_);
	}

	@Benchmark
	public Object webClientWithoutTracking() {
		return this.webClient.get().uri(URI_).retrieve().toBodilessEntity().block();
	}

	@Benchmark
	public Object webClientWithTracking() {
		return this.trackedWebClient.get().uri(URI_).retrieve().toBodilessEntity().block();
	}

	/**
	 * The clients, built by hand as applications build them, on stubs.
	 */
	@Configuration(proxyBeanMethods = false)
	public static class HandBuiltClients {

		private static final StubResponse RESPONSE = new StubResponse();

		private static final ClientHttpRequestFactory FACTORY = (uri, method) -> new StubClientRequest(uri, method,
				RESPONSE);

		private static final ClientHttpConnector CONNECTOR = (method, uri, request) -> Mono
			.just(new StubReactiveResponse());

		@Bean
		static RestClient restClient() {
			return RestClient.builder().requestFactory(FACTORY).build();
		}

		@Bean
		static RestTemplate restTemplate() {
			return new RestTemplate(FACTORY);
		}

		@Bean
		static WebClient webClient() {
			return WebClient.builder().clientConnector(CONNECTOR).build();
		}

	}

	private static final class StubReactiveResponse implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public MultiValueMap<String, ResponseCookie> getCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.empty();
		}

		@Override
		public HttpHeaders getHeaders() {
			return HttpHeaders.EMPTY;
		}

	}

}
