package dev.cleanup.autoconfigure.clients;

import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.test.ClientAutoConfigurations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every injected {@link RestClient.Builder} gets a new pool from Boot; the registry holds
 * those weakly, so it stays bounded however many builders are made.
 *
 * @author cleanup contributors
 */
class RegistryBoundTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withPropertyValues("spring.http.clients.imperative.factory=http-components");

	@Test
	void tenThousandInjectedBuildersLeaveTheRegistryBoundedAfterGc() {
		this.contextRunner.run((context) -> {
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			RestClient first = context.getBean(RestClient.Builder.class).build();
			assertThat(registry.find("http-client-apache")).as("a captured pool").isNotNull();
			first = null;
			int largest = 0;
			for (int i = 0; i < 10_000; i++) {
				context.getBean(RestClient.Builder.class).build();
				if (i % 1000 == 999) {
					System.gc();
				}
				largest = Math.max(largest, registry.size());
			}
			assertThat(largest).as("entries held while building").isLessThan(5_000);
			await().untilAsserted(() -> {
				System.gc();
				assertThat(registry.participants()).filteredOn((participant) -> participant.isWeak()).isEmpty();
			});
			assertThat(registry.size()).isLessThan(10);
		});
	}

}
