package dev.cleanup.autoconfigure.clients;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cleanup.core.Deadline;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A batch job, run in a child JVM, that closes its own context while a background call is
 * in flight; the test sends SIGTERM during that close. Arguments: the upstream URI, then
 * Spring properties.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ClosingBatchJob {

	public static void main(String[] args) throws Exception {
		URI upstream = URI.create(args[0]);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClosingBatchJob.class)
			.web(WebApplicationType.NONE)
			.run(Arrays.copyOfRange(args, 1, args.length));
		RestClient client = context.getBean(RestClient.Builder.class).build();
		ExecutorService background = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "batch-background");
			thread.setDaemon(true);
			return thread;
		});
		background.submit(() -> {
			client.get().uri(upstream).retrieve().body(String.class);
			System.out.println("Background call completed");
		});
		// close once the call is in flight, as the test needs
		InFlightCalls calls = context.getBean(InFlightCalls.class);
		Deadline inFlight = Deadline.after(Duration.ofSeconds(30));
		inFlight.await(() -> calls.inFlightCount() == 1);
		System.out.println("Batch job closing its context");
		context.close();
		System.out.println("Batch job closed its context");
	}

}
