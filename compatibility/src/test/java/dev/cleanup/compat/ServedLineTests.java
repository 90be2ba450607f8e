package dev.cleanup.compat;

import java.time.Duration;

import dev.cleanup.compat.BackgroundCalls.Run;
import dev.cleanup.compat.batch.BatchJobApplication;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on a Spring Boot line it serves, with the library versions that line
 * manages: the service's background calls in flight at SIGTERM all complete on every
 * client stack, the endpoint lists the pools and the calls meanwhile, and a batch job
 * exits after {@code close()}. Each line's tests name the properties that choose Boot's
 * client stack there.
 *
 * @author cleanup contributors
 */
abstract class ServedLineTests {

	/**
	 * Return the property that chooses the request factory of Boot's imperative builders.
	 * @return the property name
	 */
	abstract String requestFactoryProperty();

	/**
	 * Return the property that chooses the connector of Boot's {@code WebClient.Builder}.
	 * @return the property name
	 */
	abstract String connectorProperty();

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
			.doesNotContain("NoSuchMethodError")
			.doesNotContain("NoClassDefFoundError");
		assertThat(with.endpoint()).as(with.output())
			.startsWith("200 ")
			.contains("\"name\":\"http-client-apache\"")
			.contains("\"name\":\"reactor-http\"")
			.contains("\"client\":\"http-client-apache\"")
			.contains("\"client\":\"reactor-http\"");
	}

	@Test
	void backgroundCallsOnJettyAllComplete() throws Exception {
		Run with = BackgroundCalls.run(true, "--" + requestFactoryProperty() + "=jetty",
				"--" + connectorProperty() + "=jetty");
		assertThat(with.completed()).as(with.output()).isEqualTo(2 * BackgroundCalls.PER_CLIENT);
		assertThat(with.output()).contains("http-client-jetty").contains("http-connector-jetty");
		assertThat(with.endpoint()).as(with.output())
			.contains("\"client\":\"http-client-jetty\"")
			.contains("\"client\":\"http-connector-jetty\"");
	}

	@Test
	void backgroundCallsOnTheJdkClientAllComplete() throws Exception {
		Run with = BackgroundCalls.run(true, "--" + requestFactoryProperty() + "=jdk",
				"--" + connectorProperty() + "=jdk");
		assertThat(with.completed()).as(with.output()).isEqualTo(2 * BackgroundCalls.PER_CLIENT);
		assertThat(with.output()).contains("http-client-jdk").contains("http-connector-jdk");
	}

	@Test
	void batchJobOnJettyExitsByItself() throws Exception {
		try (SlowUpstream upstream = SlowUpstream.start();
				ChildApplication job = ChildApplication.withStarter(BatchJobApplication.class,
						"--compat.upstream=" + upstream.uri("/delay/10"), "--" + requestFactoryProperty() + "=jetty")) {
			assertThat(job.exitsWithin(Duration.ofSeconds(60))).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isZero();
			assertThat(job.output()).contains("Batch call answered: done /delay/10")
				.contains("Batch context closed")
				.contains("http-client-jetty");
		}
	}

}
