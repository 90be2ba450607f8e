package dev.cleanup.autoconfigure.clients;

import dev.cleanup.client.feign.FeignCallTracking;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one client library absent, the context starts, calls are tracked and the pools of
 * the libraries still there are closed, as Boot's own HTTP client auto-configuration
 * tests do for each library.
 *
 * @author cleanup contributors
 */
class WithoutOneStackTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@ParameterizedTest(name = "without {0}")
	@CsvSource({ "org.apache.hc.client5, http-client-jetty", "org.eclipse.jetty, http-client-apache",
			"reactor.netty, http-client-apache" })
	void startsAndTracksWithTheLibraryAbsent(String hiddenPackage, String expectedPool) {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withClassLoader(new FilteredClassLoader(hiddenPackage))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ShutdownCoordinator.class);
				String body = context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(this.upstream.uri("/delay/10"))
					.retrieve()
					.body(String.class);
				assertThat(body).isEqualTo("done /delay/10");
				assertThat(context.getBean(InFlightCalls.class).inFlightCount()).isZero();
				assertThat(context.getBean(ParticipantRegistry.class).participants()).extracting(Participant::name)
					.contains(expectedPool);
			});
	}

	@Test
	void feignTrackingOnlyWhereFeignIs() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(ClientAutoConfigurations.with());
		runner.run((context) -> assertThat(context).hasSingleBean(FeignCallTracking.class));
		// Feign's absence is what makes the starter's capability class unloadable; a
		// filtering loader hides names only, so it hides both
		runner.withClassLoader(new FilteredClassLoader("feign.", FeignCallTracking.class.getPackageName() + "."))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ShutdownCoordinator.class)
				.doesNotHaveBean(FeignCallTracking.class));
	}

}
