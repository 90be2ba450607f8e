package dev.cleanup.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static dev.cleanup.testing.ShutdownAssertions.assertThatShutdownOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample proves its own shutdown with the test artifact, as a user's service would:
 * calls in flight when the context closes finish, and nothing is cut, forced, left
 * running or left queued, within a bound.
 *
 * @author cleanup contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleShutdownTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void callsInFlightFinishAndTheShutdownIsClean() {
		RestClient sample = RestClient.create("http://127.0.0.1:" + this.port);
		assertThat(sample.get().uri("/call/rest?delay=10").retrieve().body(String.class)).isNotEmpty();
		// two RestClient and two WebClient calls of 500 ms, still running when the
		// context closes
		assertThat(sample.get().uri("/background?count=2&delay=500").retrieve().body(String.class))
			.startsWith("started 2");
		Duration took = assertThatShutdownOf(this.context).isClean().tookAtMost(Duration.ofSeconds(15)).took();
		// the drain waited for the calls
		assertThat(took).isGreaterThan(Duration.ofMillis(300));
	}

}
