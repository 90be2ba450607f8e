package dev.cleanup.autoconfigure.clients;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's builders keep their concrete types with the starter: a user's customizer typed
 * to one stack's builder, ordered last, still runs, and {@code withCustomizer} on the
 * builder bean still gets that stack's factory. The starter finds the pools inside what
 * the builders build and never wraps the builders.
 *
 * @author cleanup contributors
 */
class ConcreteBuilderTypesTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withUserConfiguration(TypedCustomizers.class);

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http-components, apache, HttpComponentsClientHttpRequestFactory",
			"jetty, jetty, JettyClientHttpRequestFactory", "jdk, jdk, JdkClientHttpRequestFactory",
			"reactor, reactor, ReactorClientHttpRequestFactory" })
	void typedFactoryCustomizerAndWithCustomizerKeepWorking(String factory, String stack, String factoryType) {
		this.contextRunner
			.withPropertyValues("spring.http.clients.imperative.factory=" + factory,
					"spring.http.clients.reactive.connector=" + factory.replace("http-components", "http-components"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TypedCustomizers customizers = context.getBean(TypedCustomizers.class);
				assertThat(customizers.applied).contains("factory:" + stack);
				ClientHttpRequestFactoryBuilder<?> builder = context.getBean(ClientHttpRequestFactoryBuilder.class);
				List<String> customized = new CopyOnWriteArrayList<>();
				ClientHttpRequestFactory built = builder
					.withCustomizer((requestFactory) -> customized.add(requestFactory.getClass().getSimpleName()))
					.build();
				assertThat(customized).containsExactly(factoryType);
				assertThat(built.getClass().getSimpleName()).isEqualTo(factoryType);
				String body = context.getBean(RestClient.Builder.class)
					.build()
					.get()
					.uri(this.upstream.uri("/delay/10"))
					.retrieve()
					.body(String.class);
				assertThat(body).isEqualTo("done /delay/10");
				assertThat(context.getBean(ParticipantRegistry.class).participants()).extracting(Participant::name)
					.anyMatch((name) -> name.startsWith("http-client-" + stack) || name.equals("reactor-http"));
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "http-components, apache", "jetty, jetty", "jdk, jdk", "reactor, reactor" })
	void typedConnectorCustomizerKeepsWorking(String connector, String stack) {
		this.contextRunner.withPropertyValues("spring.http.clients.reactive.connector=" + connector).run((context) -> {
			assertThat(context).hasNotFailed();
			context.getBean(WebClient.Builder.class).build();
			assertThat(context.getBean(TypedCustomizers.class).applied).contains("connector:" + stack);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class TypedCustomizers {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> apacheFactory() {
			return (builder) -> applied(builder, "factory:apache");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> jettyFactory() {
			return (builder) -> applied(builder, "factory:jetty");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> jdkFactory() {
			return (builder) -> applied(builder, "factory:jdk");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> reactorFactory() {
			return (builder) -> applied(builder, "factory:reactor");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpConnectorBuilderCustomizer<HttpComponentsClientHttpConnectorBuilder> apacheConnector() {
			return (builder) -> applied(builder, "connector:apache");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> jettyConnector() {
			return (builder) -> applied(builder, "connector:jetty");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> jdkConnector() {
			return (builder) -> applied(builder, "connector:jdk");
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> reactorConnector() {
			return (builder) -> applied(builder, "connector:reactor");
		}

		private <B> B applied(B builder, String name) {
			this.applied.add(name);
			return builder;
		}

	}

}
