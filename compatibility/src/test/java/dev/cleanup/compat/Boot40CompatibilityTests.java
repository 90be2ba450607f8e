package dev.cleanup.compat;

import java.time.Duration;

import dev.cleanup.compat.BackgroundCalls.Run;
import dev.cleanup.compat.batch.BatchJobApplication;
import dev.cleanup.testsupport.SlowUpstream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on Spring Boot 4.0.x, with the library versions that line manages
 * (HttpClient 5.5.2, which lacks {@code HttpClientBuilder.getConnManager()}): it starts,
 * drains and closes every stack, with nothing switched off.
 *
 * @author cleanup contributors
 */
class Boot40CompatibilityTests {

	@Test
	void backgroundCallsOnApacheAndReactorAllComplete() throws Exception {
		Run with = BackgroundCalls.run(true);
		Run without = BackgroundCalls.run(false);
		assertThat(with.completed()).as(with.output()).isEqualTo(2 * BackgroundCalls.PER_CLIENT);
		assertThat(with.completed()).isGreaterThanOrEqualTo(without.completed());
		assertThat(with.output()).contains("Cleanup shutdown report")
			.contains("http-client-apache")
			.contains("cut      0 call(s)")
			.doesNotContain("dev.cleanup.Compatibility")
			.doesNotContain("NoSuchMethodError");
	}

	@Test
	void backgroundCallsOnJettyAllComplete() throws Exception {
		Run with = BackgroundCalls.run(true, "--spring.http.clients.imperative.factory=jetty",
				"--spring.http.clients.reactive.connector=jetty");
		assertThat(with.completed()).as(with.output()).isEqualTo(2 * BackgroundCalls.PER_CLIENT);
		assertThat(with.output()).contains("http-client-jetty").contains("http-connector-jetty");
	}

	@Test
	void backgroundCallsOnTheJdkClientAllComplete() throws Exception {
		Run with = BackgroundCalls.run(true, "--spring.http.clients.imperative.factory=jdk",
				"--spring.http.clients.reactive.connector=jdk");
		assertThat(with.completed()).as(with.output()).isEqualTo(2 * BackgroundCalls.PER_CLIENT);
		assertThat(with.output()).contains("http-client-jdk").contains("http-connector-jdk");
	}

	@Test
	void batchJobOnJettyExitsByItself() throws Exception {
		try (SlowUpstream upstream = SlowUpstream.start();
				ChildApplication job = ChildApplication.withStarter(BatchJobApplication.class,
						"--compat.upstream=" + upstream.uri("/delay/10"),
						"--spring.http.clients.imperative.factory=jetty")) {
			assertThat(job.exitsWithin(Duration.ofSeconds(60))).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isZero();
			assertThat(job.output()).contains("Batch call answered: done /delay/10")
				.contains("Batch context closed")
				.contains("http-client-jetty");
		}
	}

}
