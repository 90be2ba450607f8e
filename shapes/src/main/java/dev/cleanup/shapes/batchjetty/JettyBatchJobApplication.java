package dev.cleanup.shapes.batchjetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A batch job without a web server whose only client support is the RestClient starter,
 * on Jetty's client: one call, then {@code close()} and the end of {@code main}.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class JettyBatchJobApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(JettyBatchJobApplication.class, args);
		String body = context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri(context.getEnvironment().getRequiredProperty("shape.upstream") + "/delay/10")
			.retrieve()
			.body(String.class);
		System.out.println("Batch call answered: " + body);
		context.close();
		System.out.println("Batch context closed");
	}

}
