package dev.cleanup.autoconfigure.clients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.web.client.RestClient;

/**
 * A batch job run in a child JVM: it makes one call, closes its context and returns from
 * {@code main}. The JVM must then exit by itself. Arguments: the upstream URI, then
 * Spring properties such as {@code --spring.http.clients.imperative.factory=jetty}.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BatchJobApplication {

	public static void main(String[] args) throws Exception {
		URI upstream = URI.create(args[0]);
		String[] properties = Arrays.copyOfRange(args, 1, args.length);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BatchJobApplication.class)
			.web(WebApplicationType.NONE)
			.run(properties);
		String body = context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri(upstream)
			.retrieve()
			.body(String.class);
		System.out.println("batch call answered: " + body);
		if (context.containsBean("jdkHttpClient")) {
			HttpClient client = context.getBean(HttpClient.class);
			int status = client.send(HttpRequest.newBuilder(upstream).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
			System.out.println("jdk client answered: " + status);
		}
		context.close();
		System.out.println("batch context closed");
	}

	/**
	 * A user executor nobody shuts down, whose idle non-daemon thread keeps the JVM
	 * alive.
	 */
	@Bean(destroyMethod = "")
	@Profile("leftover-thread")
	ExecutorService forgottenExecutor() {
		ExecutorService executor = Executors
			.newSingleThreadExecutor((runnable) -> new Thread(runnable, "forgotten-worker"));
		executor.submit(() -> {
		});
		return executor;
	}

	@Bean
	@Profile("jdk-bean")
	HttpClient jdkHttpClient() {
		// A user executor of non-daemon threads, which the client never shuts down
		ExecutorService executor = Executors.newFixedThreadPool(2);
		return HttpClient.newBuilder().executor(executor).build();
	}

}
