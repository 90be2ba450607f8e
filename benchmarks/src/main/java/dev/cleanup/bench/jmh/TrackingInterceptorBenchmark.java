package dev.cleanup.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import dev.cleanup.tracking.TrackingClientHttpRequestInterceptor;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

/**
 * Per-call cost of the tracking request factory (RestClient), interceptor (RestTemplate)
 * and exchange filter (WebClient) around a stub exchange that answers at once, each
 * against the same exchange without tracking: the difference is what the starter adds to
 * a call. Three forks: how much the JIT's escape analysis removes differs from one JVM to
 * the next by up to about 100 B on the Reactor paths, and is the same within one.
 *
 * @author cleanup contributors
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = { "-Xmx256m" })
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrackingInterceptorBenchmark {

	private final InFlightCalls calls = new InFlightCalls();

	private final byte[] body = new byte[0];

	private final ClientHttpResponse response = new StubResponse();

	private final HttpRequest request = new StubClientRequest(
			URI.create("http://127.0.0.1:8081/orders/42?token=secret"), HttpMethod.GET, this.response);

	private final ClientHttpRequestExecution execution = (request, body) -> this.response;

	private final TrackingClientHttpRequestInterceptor interceptor = new TrackingClientHttpRequestInterceptor(
			this.calls, this.calls.namedClient("rest"));

	private final ClientHttpRequestFactory requestFactory = (uri, method) -> new StubClientRequest(uri, method,
			this.response);

	private final TrackingClientHttpRequestFactory trackingRequestFactory = new TrackingClientHttpRequestFactory(
			this.requestFactory, this.calls, this.calls.namedClient("rest-factory"));

	private final ExchangeStrategies strategies = ExchangeStrategies.withDefaults();

	private final ClientRequest clientRequest = ClientRequest
		.create(HttpMethod.GET, URI.create("http://127.0.0.1:8081/orders/42?token=secret"))
		.build();

	private final ExchangeFunction exchange = (request) -> Mono
		.create((sink) -> sink.success(ClientResponse.create(HttpStatus.OK, this.strategies).body("ok").build()));

	private final ExchangeFilterFunction emptyDoFinally = (request, next) -> next.exchange(request)
		.doFinally((signal) -> {
		});

	private final TrackingExchangeFilterFunction filter = new TrackingExchangeFilterFunction(this.calls,
			this.calls.namedClient("web"));

	@Benchmark
	public ClientHttpResponse restFactoryWithoutTracking(Blackhole blackhole) throws IOException {
		return callThrough(this.requestFactory, blackhole);
	}

	@Benchmark
	public ClientHttpResponse restFactoryWithTracking(Blackhole blackhole) throws IOException {
		return callThrough(this.trackingRequestFactory, blackhole);
	}

	/**
	 * Make a request with a factory and close its response. The request goes to the black
	 * hole: a real request outlives the call that makes it, and left alone the JIT would
	 * remove the stub request without tracking but not where tracking wraps it, charging
	 * its bytes to tracking.
	 */
	private ClientHttpResponse callThrough(ClientHttpRequestFactory factory, Blackhole blackhole) throws IOException {
		ClientHttpRequest request = factory.createRequest(this.request.getURI(), HttpMethod.GET);
		blackhole.consume(request);
		ClientHttpResponse response = request.execute();
		response.close();
		return response;
	}

	@Benchmark
	public ClientHttpResponse restWithoutTracking() throws IOException {
		ClientHttpResponse response = this.execution.execute(this.request, this.body);
		response.close();
		return response;
	}

	@Benchmark
	public ClientHttpResponse restWithTracking() throws IOException {
		ClientHttpResponse response = this.interceptor.intercept(this.request, this.body, this.execution);
		response.close();
		return response;
	}

	@Benchmark
	public String webWithoutTracking() {
		return this.exchange.exchange(this.clientRequest)
			.flatMap((response) -> response.bodyToMono(String.class))
			.block();
	}

	/**
	 * The least any filter can add to see a WebClient call end: one {@code doFinally}
	 * that records nothing, on the exchange only (the body, which a tracked call also
	 * watches, is left out).
	 * @return the body
	 */
	@Benchmark
	public String webWithEmptyDoFinally() {
		return this.emptyDoFinally.filter(this.clientRequest, this.exchange)
			.flatMap((response) -> response.bodyToMono(String.class))
			.block();
	}

	@Benchmark
	public String webWithTracking() {
		return this.filter.filter(this.clientRequest, this.exchange)
			.flatMap((response) -> response.bodyToMono(String.class))
			.block();
	}

}
