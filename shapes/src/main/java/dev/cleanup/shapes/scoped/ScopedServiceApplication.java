package dev.cleanup.shapes.scoped;

import dev.cleanup.shapes.BackgroundCalls;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.env.Environment;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.annotation.RequestScope;
import org.springframework.web.context.annotation.SessionScope;

/**
 * A running service whose beans Spring destroys while it runs: a request-scoped bean and
 * a request-scoped client bean (a RestClient on a pool of its own, made per request), a
 * session-scoped bean, a Spring Cloud {@code @RefreshScope} bean refreshed through
 * {@code /actuator/refresh}, and, on Boot 4, a Spring Batch job with a {@code @StepScope}
 * bean. Its own client, a RestClient from Boot's builder on HttpClient 5, must stay
 * usable throughout.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@RestController
public class ScopedServiceApplication {

	private final RestClient client;

	private final ObjectProvider<RestClient> requestClient;

	private final RequestCounter requestCounter;

	private final SessionCart cart;

	private final Greeting greeting;

	private final Environment environment;

	ScopedServiceApplication(RestClient.Builder builder,
			@Qualifier("requestClient") ObjectProvider<RestClient> requestClient, RequestCounter requestCounter,
			SessionCart cart, Greeting greeting, Environment environment) {
		this.client = builder.baseUrl(environment.getRequiredProperty("shape.upstream")).build();
		this.requestClient = requestClient;
		this.requestCounter = requestCounter;
		this.cart = cart;
		this.greeting = greeting;
		this.environment = environment;
	}

	public static void main(String[] args) {
		SpringApplication.run(ScopedServiceApplication.class, args);
	}

	@GetMapping("/call")
	String call() {
		return this.client.get().uri("/delay/10").retrieve().body(String.class);
	}

	@GetMapping("/request")
	String request() {
		this.requestCounter.increment();
		return this.requestClient.getObject()
			.get()
			.uri(this.environment.getRequiredProperty("shape.upstream") + "/delay/0")
			.retrieve()
			.body(String.class);
	}

	@GetMapping("/session")
	String session() {
		return "items " + this.cart.add();
	}

	@GetMapping("/session/end")
	String endSession(HttpSession session) {
		session.invalidate();
		return "ended";
	}

	@GetMapping("/greeting")
	String greeting() {
		return this.greeting.text();
	}

	@GetMapping("/background")
	String background() {
		BackgroundCalls.start(this.environment, (uri) -> this.client.get().uri(uri).retrieve().body(String.class));
		return "started";
	}

	/**
	 * A client made per request, on a pool of its own, closed by nobody: plain Boot
	 * leaves it to the garbage collector.
	 */
	@Bean
	@org.springframework.context.annotation.Scope(value = "request", proxyMode = ScopedProxyMode.NO)
	RestClient requestClient() {
		return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
	}

	@Component
	@RequestScope
	static class RequestCounter {

		private int count;

		int increment() {
			return ++this.count;
		}

	}

	@Component
	@SessionScope
	static class SessionCart {

		private int items;

		int add() {
			return ++this.items;
		}

	}

	@Component
	@RefreshScope
	static class Greeting {

		@Value("${shape.greeting:hello}")
		private String text;

		String text() {
			return this.text;
		}

	}

}
