package dev.cleanup.autoconfigure.clients;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * An application, run in a child JVM, whose startup fails after its clients made calls:
 * it fetches its remote configuration through a RestClient from Boot's builder (and, with
 * the {@code jdk-bean} profile, through a JDK client bean on an executor of its own),
 * then a later bean fails for a required property that is missing, or, as a web
 * application, its port is in use. The JVM must then end by itself. With
 * {@code --catch-failure}, {@code main} catches the failure itself and keeps a Jetty
 * client of its own running, so that only the exit watchdog can end the JVM.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class FailingStartupApplication {

	public static void main(String[] args) throws Exception {
		if (!List.of(args).contains("--catch-failure")) {
			new SpringApplicationBuilder(FailingStartupApplication.class).run(args);
			return;
		}
		// an application that handles its own failed startup, and runs a client of its
		// own
		// whose non-daemon threads keep the JVM alive: only the exit watchdog can end it
		org.eclipse.jetty.client.HttpClient ownClient = new org.eclipse.jetty.client.HttpClient();
		ownClient.start();
		try {
			new SpringApplicationBuilder(FailingStartupApplication.class).run(args);
		}
		catch (RuntimeException ex) {
			System.out.println("Startup failed, and the application caught it: " + ex.getClass().getSimpleName());
		}
	}

	@Bean
	RemoteConfiguration remoteConfiguration(RestClient.Builder restClients, Environment environment) {
		String body = restClients.build()
			.get()
			.uri(environment.getRequiredProperty("upstream"))
			.retrieve()
			.body(String.class);
		System.out.println("Remote configuration fetched: " + body);
		return new RemoteConfiguration(body);
	}

	@Bean
	@Profile("jdk-bean")
	HttpClient jdkHttpClient(Environment environment) throws Exception {
		// an executor of non-daemon threads, which the client never shuts down
		ExecutorService executor = Executors.newFixedThreadPool(2);
		HttpClient client = HttpClient.newBuilder().executor(executor).build();
		int status = client
			.send(HttpRequest.newBuilder(java.net.URI.create(environment.getRequiredProperty("upstream"))).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
		System.out.println("JDK client answered: " + status);
		return client;
	}

	@Bean
	@Profile("fail")
	Object needsAMissingProperty(@Value("${required.property}") String required) {
		return required;
	}

	record RemoteConfiguration(String body) {
	}

}
