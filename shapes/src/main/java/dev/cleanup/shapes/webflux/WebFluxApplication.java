package dev.cleanup.shapes.webflux;

import java.time.Duration;

import dev.cleanup.shapes.BackgroundCalls;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A WebFlux service only: a WebClient from Boot's builder on Reactor Netty, on Reactor
 * Netty's server.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@RestController
public class WebFluxApplication {

	private final WebClient client;

	private final Environment environment;

	WebFluxApplication(WebClient.Builder builder, Environment environment) {
		this.client = builder.baseUrl(environment.getRequiredProperty("shape.upstream")).build();
		this.environment = environment;
	}

	public static void main(String[] args) {
		SpringApplication.run(WebFluxApplication.class, args);
	}

	@GetMapping("/call")
	Mono<String> call() {
		return this.client.get().uri("/delay/10").retrieve().bodyToMono(String.class);
	}

	@GetMapping("/background")
	String background() {
		BackgroundCalls.start(this.environment,
				(uri) -> this.client.get().uri(uri).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)));
		return "started";
	}

}
