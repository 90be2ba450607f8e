package dev.cleanup.sample;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients built from Boot's auto-configured builders and one built by hand, pointing at
 * the embedded upstream.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	@Bean
	EmbeddedUpstream embeddedUpstream(@Value("${sample.upstream.port:0}") int port) throws IOException {
		return new EmbeddedUpstream(port);
	}

	@Bean
	RestClient upstreamRestClient(RestClient.Builder builder, EmbeddedUpstream upstream) {
		return builder.baseUrl(upstream.baseUri().toString()).build();
	}

	@Bean
	WebClient upstreamWebClient(WebClient.Builder builder, EmbeddedUpstream upstream) {
		return builder.baseUrl(upstream.baseUri().toString()).build();
	}

	/**
	 * A client built by hand, on the JDK's {@code HttpClient}, as applications build one
	 * with settings of its own: the starter tracks and closes it as a bean too.
	 * @param upstream the upstream
	 * @return the client
	 */
	@Bean
	RestClient handBuiltRestClient(EmbeddedUpstream upstream) {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl(upstream.baseUri().toString())
			.build();
	}

	/**
	 * A scheduler for jobs the application cancels (see {@code /linger}). Like every
	 * {@code ThreadPoolTaskScheduler}, it leaves a cancelled task queued until its time.
	 * @return the scheduler
	 */
	@Bean
	ThreadPoolTaskScheduler reminderScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("reminders-");
		return scheduler;
	}

	/**
	 * Background work that is not a Spring-managed executor, the way a lot of real code
	 * starts it: nothing waits for it at shutdown.
	 * @param threads how many background RestClient calls can run at once
	 * @return the executor
	 */
	@Bean(destroyMethod = "shutdown")
	ExecutorService backgroundWork(@Value("${sample.background.threads:8}") int threads) {
		return Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "sample-background");
			thread.setDaemon(true);
			return thread;
		});
	}

}
