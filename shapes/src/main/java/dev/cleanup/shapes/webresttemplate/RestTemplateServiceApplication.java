package dev.cleanup.shapes.webresttemplate;

import dev.cleanup.shapes.BackgroundCalls;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/**
 * A servlet service with a RestTemplate from Boot's {@code RestTemplateBuilder} on
 * HttpClient 5, nothing reactive: Boot 3.5's {@code spring-boot-starter-web} as most
 * services have it. The builder is injected as a bean the application's own configuration
 * defines, built from Boot's, so that its type (which moved in Boot 4) is named only
 * there.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
@RestController
public class RestTemplateServiceApplication {

	private final RestTemplate template;

	private final Environment environment;

	RestTemplateServiceApplication(RestTemplate template, Environment environment) {
		this.template = template;
		this.environment = environment;
	}

	public static void main(String[] args) {
		SpringApplication.run(RestTemplateServiceApplication.class, args);
	}

	@GetMapping("/call")
	String call() {
		return this.template.getForObject(this.environment.getRequiredProperty("shape.upstream") + "/delay/10",
				String.class);
	}

	@GetMapping("/background")
	String background() {
		BackgroundCalls.start(this.environment, (uri) -> this.template.getForObject(uri, String.class));
		return "started";
	}

}
