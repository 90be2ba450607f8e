package dev.cleanup.autoconfigure.clients;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs in a child JVM on Java 21+: an {@link HttpClient} bean has a call that never ends
 * when its context closes. Spring would call the client's unbounded {@code close()} at
 * destroy time; with the starter the shutdown stays within its budget. Arguments: the
 * upstream URI, then Spring properties.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HangingJdkClientApplication {

	public static void main(String[] args) {
		URI upstream = URI.create(args[0]);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HangingJdkClientApplication.class)
			.web(WebApplicationType.NONE)
			.run(Arrays.copyOfRange(args, 1, args.length));
		HttpClient client = context.getBean(HttpClient.class);
		client.sendAsync(HttpRequest.newBuilder(upstream).build(), HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, failure) -> System.out.println("hanging call ended: " + failure));
		long start = System.nanoTime();
		context.close();
		System.out.println("context closed in " + (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	@Bean
	HttpClient jdkHttpClient() {
		return HttpClient.newHttpClient();
	}

}
