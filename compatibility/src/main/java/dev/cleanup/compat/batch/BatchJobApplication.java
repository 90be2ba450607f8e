package dev.cleanup.compat.batch;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A batch job as users write it, on any Boot line: one call through a RestClient from
 * Boot's builder to {@code compat.upstream}, then {@code close()} and the end of
 * {@code main}. The JVM must then exit by itself.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class BatchJobApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BatchJobApplication.class)
			.web(WebApplicationType.NONE)
			.run(args);
		String body = context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri(context.getEnvironment().getRequiredProperty("compat.upstream"))
			.retrieve()
			.body(String.class);
		System.out.println("Batch call answered: " + body);
		context.close();
		System.out.println("Batch context closed");
	}

}
