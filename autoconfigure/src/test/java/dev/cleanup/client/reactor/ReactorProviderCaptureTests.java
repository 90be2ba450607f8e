package dev.cleanup.client.reactor;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicReference;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how Reactor Netty clients built by Boot's builders are captured: the starter
 * finds out whether a client uses the global resources without creating them, so that
 * they come into being at the first call, as in plain Boot.
 *
 * @author cleanup contributors
 */
class ReactorProviderCaptureTests {

	/**
	 * RestClient only: with the reactive client auto-configuration, Boot's own
	 * {@code ReactorResourceFactory} creates the global resources when it starts.
	 */
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				CleanupAutoConfiguration.class))
		.withPropertyValues("spring.http.clients.imperative.factory=reactor");

	@BeforeEach
	void disposeGlobalResources() {
		HttpResources.disposeLoopsAndConnections();
	}

	@Test
	void clientOnTheGlobalResourcesHasNoProviderOfItsOwn() {
		assertThat(ReactorProviders.ownProvider(HttpClient.create())).isNull();
		assertThat(globalResources()).as("global resources created").isNull();
	}

	@Test
	void clientWithItsOwnProviderHasThatProvider() {
		ConnectionProvider provider = ConnectionProvider.create("mine", 1);
		try {
			assertThat(ReactorProviders.ownProvider(HttpClient.create(provider))).isSameAs(provider);
		}
		finally {
			provider.dispose();
		}
	}

	@Test
	void globalResourcesAreRegisteredAtBuildButCreatedAtTheFirstCall() {
		this.contextRunner.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			assertThat(context.getBean(ParticipantRegistry.class).participants()).extracting(Participant::name)
				.contains("reactor-http");
			assertThat(globalResources()).as("global resources created before any call").isNull();
			try (SlowUpstream upstream = SlowUpstream.start()) {
				client.get().uri(upstream.uri("/delay/1")).retrieve().body(String.class);
			}
			assertThat(globalResources()).as("global resources created by the call").isNotNull();
		});
	}

	private static Object globalResources() {
		Field field = ReflectionUtils.findField(HttpResources.class, "httpResources");
		assertThat(field).isNotNull();
		ReflectionUtils.makeAccessible(field);
		return ((AtomicReference<?>) ReflectionUtils.getField(field, null)).get();
	}

}
