package dev.cleanup.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A servlet application with a RestClient (Apache) and a WebClient (Reactor Netty) built
 * from Boot's builders, and a Spring task scheduler, for the endpoint tests.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EndpointTestApplication {

	@Bean
	RestClient upstreamRestClient(RestClient.Builder builder) {
		return builder.build();
	}

	@Bean
	WebClient upstreamWebClient(WebClient.Builder builder) {
		return builder.build();
	}

	@Bean
	ThreadPoolTaskScheduler jobScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("job-");
		return scheduler;
	}

}
