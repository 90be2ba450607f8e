package dev.cleanup.sample;

import org.springframework.boot.SpringApplication;
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
		SpringApplication.run(SampleApplication.class, args);
	}

}
