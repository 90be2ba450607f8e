package dev.cleanup.bench.webflux;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The sample service on WebFlux: the same endpoints, answered without blocking, calling
 * the same kind of slow loopback upstream with WebClient. Logs the same "Background web
 * call completed" lines as the servlet sample.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class WebFluxBenchApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WebFluxBenchApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.run(args);
	}

	@Bean
	Upstream upstream(@Value("${sample.upstream.port:0}") int port) {
		return new Upstream(port);
	}

	@Bean
	WebClient upstreamWebClient(WebClient.Builder builder, Upstream upstream) {
		return builder.baseUrl(upstream.baseUri()).build();
	}

	/**
	 * A slow upstream on its own loopback port and its own event loop, stopped when the
	 * context destroys its beans, after every cleanup stage. {@code GET /delay/<millis>}
	 * answers after that long; {@code GET /hang} never answers.
	 */
	static final class Upstream implements DisposableBean {

		private static final Log logger = LogFactory.getLog(Upstream.class);

		private final LoopResources loops = LoopResources.create("bench-upstream", 1, true);

		private final DisposableServer server;

		Upstream(int port) {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(port)
				.runOn(this.loops)
				.route((routes) -> routes
					.get("/delay/{millis}",
							(request, response) -> response
								.sendString(Mono.delay(Duration.ofMillis(Long.parseLong(request.param("millis"))))
									.map((tick) -> "upstream answered /delay/" + request.param("millis"))))
					.get("/hang", (request, response) -> response.sendString(Mono.never())))
				.bindNow();
			logger.info("Slow upstream listening on " + baseUri());
		}

		String baseUri() {
			return "http://127.0.0.1:" + this.server.port();
		}

		@Override
		public void destroy() {
			this.server.disposeNow(Duration.ofSeconds(1));
			this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block(Duration.ofSeconds(2));
		}

	}

	@RestController
	static class BenchController {

		private static final Log logger = LogFactory.getLog(BenchController.class);

		private final WebClient webClient;

		private final AtomicInteger completed = new AtomicInteger();

		private final AtomicInteger failed = new AtomicInteger();

		BenchController(WebClient upstreamWebClient) {
			this.webClient = upstreamWebClient;
		}

		@GetMapping("/call/web")
		Mono<String> callWeb(@RequestParam(defaultValue = "1000") long delay) {
			return this.webClient.get().uri("/delay/{delay}", delay).retrieve().bodyToMono(String.class);
		}

		@GetMapping("/background")
		String background(@RequestParam(defaultValue = "5") int count, @RequestParam(defaultValue = "2000") long delay,
				@RequestParam(defaultValue = "delay") String path) {
			String uri = path.equals("hang") ? "/hang?token=secret" : "/delay/" + delay + "?token=secret";
			for (int i = 0; i < count; i++) {
				this.webClient.get()
					.uri(uri)
					.retrieve()
					.bodyToMono(String.class)
					.subscribe((body) -> done(null), this::done);
			}
			return "started 0 RestClient and " + count + " WebClient calls to " + uri + "\n";
		}

		private void done(@Nullable Throwable failure) {
			if (failure == null) {
				logger
					.info("Background web call completed (" + this.completed.incrementAndGet() + " completed so far)");
			}
			else {
				logger.warn(
						"Background web call failed (" + this.failed.incrementAndGet() + " failed so far): " + failure);
			}
		}

	}

}
