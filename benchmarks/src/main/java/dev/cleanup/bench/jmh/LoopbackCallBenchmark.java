package dev.cleanup.bench.jmh;

import java.util.concurrent.TimeUnit;

import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;
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
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpResources;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Whole RestClient and WebClient calls on Reactor Netty to a loopback server, with the
 * starter's tracking added the way its customizers add it, and without.
 *
 * @author cleanup contributors
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx256m" })
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoopbackCallBenchmark {

	private DisposableServer server;

	private RestClient restWithout;

	private RestClient restWith;

	private WebClient webWithout;

	private WebClient webWith;

	@Setup(Level.Trial)
	public void start() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.get("/ok", (request, response) -> response.sendString(Mono.just("ok"))))
			.bindNow();
		String base = "http://127.0.0.1:" + this.server.port();
		InFlightCalls calls = new InFlightCalls();
		this.restWithout = RestClient.builder()
			.requestFactory(new ReactorClientHttpRequestFactory())
			.baseUrl(base)
			.build();
		// tracked as the starter tracks a RestClient built from Boot's builder
		this.restWith = RestClient.builder()
			.requestFactory(new TrackingClientHttpRequestFactory(new ReactorClientHttpRequestFactory(), calls,
					calls.namedClient("rest")))
			.baseUrl(base)
			.build();
		this.webWithout = WebClient.builder().baseUrl(base).build();
		this.webWith = WebClient.builder()
			.baseUrl(base)
			.filter(new TrackingExchangeFilterFunction(calls, calls.namedClient("web")))
			.build();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.server.disposeNow();
		HttpResources.disposeLoopsAndConnections();
	}

	@Benchmark
	public String restClientWithoutTracking() {
		return this.restWithout.get().uri("/ok").retrieve().body(String.class);
	}

	@Benchmark
	public String restClientWithTracking() {
		return this.restWith.get().uri("/ok").retrieve().body(String.class);
	}

	@Benchmark
	public String webClientWithoutTracking() {
		return this.webWithout.get().uri("/ok").retrieve().bodyToMono(String.class).block();
	}

	@Benchmark
	public String webClientWithTracking() {
		return this.webWith.get().uri("/ok").retrieve().bodyToMono(String.class).block();
	}

}
