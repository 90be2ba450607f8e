package dev.cleanup.shapes.feign;

import java.net.URI;

import dev.cleanup.shapes.BackgroundCalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC service whose client is OpenFeign, without WebFlux: on Feign's default
 * client, or on feign-hc5 where it is on the class path.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@EnableFeignClients
@RestController
public class FeignServiceApplication {

	private final Upstream upstream;

	private final Environment environment;

	FeignServiceApplication(Upstream upstream, Environment environment) {
		this.upstream = upstream;
		this.environment = environment;
	}

	public static void main(String[] args) {
		SpringApplication.run(FeignServiceApplication.class, args);
	}

	@GetMapping("/call")
	String call() {
		return this.upstream.delay(URI.create(this.environment.getRequiredProperty("shape.upstream") + "/delay/10"));
	}

	@GetMapping("/background")
	String background() {
		BackgroundCalls.start(this.environment, (uri) -> this.upstream.delay(URI.create(uri)));
		return "started";
	}

	/**
	 * The upstream, each call to the URI given.
	 */
	@FeignClient(name = "upstream", url = "${shape.upstream}")
	interface Upstream {

		@GetMapping
		String delay(URI uri);

	}

}
