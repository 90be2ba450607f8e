package dev.cleanup.shapes.goodbye;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A service whose own shutdown work says goodbye over HTTP, as users write it: a phase-0
 * {@link SmartLifecycle} and a plain {@link Lifecycle} whose {@code stop()} deregisters,
 * a {@code @PreDestroy} method, a {@link DisposableBean} and an inferred {@code close()}
 * that flush a last batch. Each makes one call through every client the application
 * holds: a RestClient from Boot's builder (on the stack {@code shape.factory} chooses), a
 * WebClient from Boot's builder on Reactor Netty, a RestClient bean built by hand on a
 * JDK client of its own, and an OpenFeign client ({@code shape.goodbye-clients} and
 * {@code shape.goodbye-from} narrow them down). Each call logs how it ended. Once its
 * context is closed, {@code main} counts the client threads still alive.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@EnableFeignClients
public class GoodbyeApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(GoodbyeApplication.class, args);
		System.out.println("Goodbye application started");
		context.close();
		System.out.println("Batch context closed");
		ClientThreads.printAlive();
	}

	@Bean
	Clients clients(RestClient.Builder restClients, WebClient.Builder webClients, RestClient handBuiltRestClient,
			Upstream feign, Environment environment) {
		String upstream = environment.getRequiredProperty("shape.upstream");
		String path = environment.getProperty("shape.goodbye-path", "/delay/10");
		List<String> only = List.of(environment.getProperty("shape.goodbye-clients", String[].class, new String[0]));
		List<String> from = List.of(environment.getProperty("shape.goodbye-from", String[].class, new String[0]));
		Map<String, Function<String, String>> clients = new LinkedHashMap<>();
		RestClient restClient = restClients.build();
		WebClient webClient = webClients.build();
		clients.put("boot-rest-client", (uri) -> restClient.get().uri(uri).retrieve().body(String.class));
		clients.put("boot-web-client",
				(uri) -> webClient.get().uri(uri).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(60)));
		clients.put("hand-built-rest-client",
				(uri) -> handBuiltRestClient.get().uri(uri).retrieve().body(String.class));
		clients.put("feign", (uri) -> feign.get(URI.create(uri)));
		if (!only.isEmpty()) {
			clients.keySet().retainAll(only);
		}
		return new Clients(upstream + path, clients, from);
	}

	@Bean
	RestClient handBuiltRestClient() {
		return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient())).build();
	}

	@Bean
	SmartLifecycle deregistration(Clients clients) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				this.running = true;
			}

			@Override
			public void stop() {
				clients.sayGoodbye("phase-0 SmartLifecycle");
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				return 0;
			}

		};
	}

	/**
	 * A plain Lifecycle is started only by an explicit {@code context.start()}, and
	 * stopped on close only while running: this one runs from its creation, as if the
	 * application had started it.
	 */
	@Bean
	Lifecycle plainLifecycle(Clients clients) {
		return new Lifecycle() {

			private volatile boolean running = true;

			@Override
			public void start() {
				this.running = true;
			}

			@Override
			public void stop() {
				clients.sayGoodbye("plain Lifecycle");
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

		};
	}

	@Bean
	PreDestroyFlush preDestroyFlush(Clients clients) {
		return new PreDestroyFlush(clients);
	}

	@Bean
	DisposableFlush disposableFlush(Clients clients) {
		return new DisposableFlush(clients);
	}

	@Bean
	InferredCloseFlush inferredCloseFlush(Clients clients) {
		return new InferredCloseFlush(clients);
	}

	/**
	 * The application's clients, each by a name, and the call each goodbye makes.
	 */
	public static final class Clients {

		private final String uri;

		private final Map<String, Function<String, String>> clients;

		private final List<String> from;

		Clients(String uri, Map<String, Function<String, String>> clients, List<String> from) {
			this.uri = uri;
			this.clients = clients;
			this.from = from;
		}

		void sayGoodbye(String from) {
			if (!this.from.isEmpty() && !this.from.contains(from)) {
				return;
			}
			List<String> lines = new ArrayList<>();
			this.clients.forEach((name, call) -> {
				try {
					lines.add("Goodbye call from " + from + " through " + name + ": answered " + call.apply(this.uri));
				}
				catch (RuntimeException ex) {
					lines.add("Goodbye call from " + from + " through " + name + ": failed " + ex);
				}
			});
			lines.forEach(System.out::println);
		}

	}

	static final class PreDestroyFlush {

		private final Clients clients;

		PreDestroyFlush(Clients clients) {
			this.clients = clients;
		}

		@PreDestroy
		void flush() {
			this.clients.sayGoodbye("@PreDestroy");
		}

	}

	static final class DisposableFlush implements DisposableBean {

		private final Clients clients;

		DisposableFlush(Clients clients) {
			this.clients = clients;
		}

		@Override
		public void destroy() {
			this.clients.sayGoodbye("DisposableBean");
		}

	}

	static final class InferredCloseFlush {

		private final Clients clients;

		InferredCloseFlush(Clients clients) {
			this.clients = clients;
		}

		public void close() {
			this.clients.sayGoodbye("inferred close()");
		}

	}

	/**
	 * The upstream as an OpenFeign client, each call to the URI given.
	 */
	@FeignClient(name = "goodbye-upstream", url = "${shape.upstream}")
	interface Upstream {

		@GetMapping
		String get(URI uri);

	}

}
