package dev.cleanup.shapes.mvcjdk;

import dev.cleanup.shapes.BackgroundCalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The most common Spring service: Spring MVC, actuator and a RestClient from Boot's
 * builder (on the JDK client), nothing reactive.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@RestController
public class MvcJdkClientApplication {

	private final RestClient client;

	private final Environment environment;

	MvcJdkClientApplication(RestClient.Builder builder, Environment environment) {
		this.client = builder.baseUrl(environment.getRequiredProperty("shape.upstream")).build();
		this.environment = environment;
	}

	public static void main(String[] args) {
		SpringApplication.run(MvcJdkClientApplication.class, args);
	}

	@GetMapping("/call")
	String call() {
		return this.client.get().uri("/delay/10").retrieve().body(String.class);
	}

	@GetMapping("/background")
	String background() {
		BackgroundCalls.start(this.environment, (uri) -> this.client.get().uri(uri).retrieve().body(String.class));
		return "started";
	}

}
