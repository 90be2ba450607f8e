package dev.cleanup.compat.service;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A web service as users write it, on any Boot line: once started, it makes background
 * calls through a RestClient (on an executor) and a WebClient ({@code subscribe()}), both
 * from Boot's builders, to {@code compat.upstream}, and logs how each ended. It is
 * stopped by SIGTERM while the calls are in flight.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class ServiceApplication {

	private static final Log logger = LogFactory.getLog(ServiceApplication.class);

	/**
	 * Not a bean: background work Spring does not know of, as in many applications.
	 */
	private final ExecutorService background = Executors.newCachedThreadPool();

	public static void main(String[] args) {
		SpringApplication.run(ServiceApplication.class, args);
	}

	@Bean
	ApplicationRunner backgroundCalls(RestClient.Builder restClients, WebClient.Builder webClients,
			Environment environment) {
		return (arguments) -> {
			URI upstream = URI.create(environment.getRequiredProperty("compat.upstream"));
			int count = environment.getProperty("compat.calls", Integer.class, 5);
			RestClient restClient = restClients.build();
			WebClient webClient = webClients.build();
			for (int i = 0; i < count; i++) {
				this.background.submit(() -> {
					try {
						restClient.get().uri(upstream).retrieve().body(String.class);
						logger.info("Background rest call completed");
					}
					catch (RuntimeException ex) {
						logger.info("Background rest call failed: " + ex);
					}
				});
				webClient.get()
					.uri(upstream)
					.retrieve()
					.bodyToMono(String.class)
					.subscribe((body) -> logger.info("Background web call completed"),
							(ex) -> logger.info("Background web call failed: " + ex));
			}
		};
	}

}
