package dev.cleanup.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service that calls a slow upstream with RestClient and WebClient, from requests and
 * from background work, to show the cleanup starter at work on shutdown.
 *
 * @author cleanup contributors
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		if (Boolean.getBoolean("sample.startup.steps")) {
			// Boot's startup steps, served by /actuator/startup (bench/run.sh startup)
			application.setApplicationStartup(new BufferingApplicationStartup(20_000));
		}
		application.run(args);
	}

}
