package dev.cleanup.shapes.batchjdk;

import java.net.http.HttpClient;
import java.util.concurrent.Executors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * A batch job without a web server on the JDK client given an executor of its own, as the
 * JDK's documentation shows it: the executor's threads are not daemons. One call, then
 * {@code close()} and the end of {@code main}.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class JdkBatchJobApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(JdkBatchJobApplication.class, args);
		String body = context.getBean(RestClient.class)
			.get()
			.uri(context.getEnvironment().getRequiredProperty("shape.upstream") + "/delay/10")
			.retrieve()
			.body(String.class);
		System.out.println("Batch call answered: " + body);
		context.close();
		System.out.println("Batch context closed");
	}

	@Bean
	RestClient restClient() {
		HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
		return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(client)).build();
	}

}
