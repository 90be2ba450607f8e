package dev.cleanup.autoconfigure.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownCoordinator.ShutdownState;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running application destroys beans all the time: instances of request-, session-,
 * refresh- and step-scoped beans, prototypes, {@code destroyBean(...)}, a child context's
 * beans. None of that is a failed startup: no stage runs, the state stays {@code RUNNING}
 * and every other pool stays usable. A scoped client bean's instances each leave the
 * registry when destroyed, so it stays bounded. The scope here is a real Spring
 * {@link Scope} whose instances end when the test says, as a request ends.
 *
 * @author cleanup contributors
 */
class RunningDestructionsTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withInitializer((context) -> context.getBeanFactory().registerScope(EndingScope.NAME, new EndingScope()))
		.withPropertyValues("spring.http.clients.imperative.factory=http-components")
		.withUserConfiguration(ScopedBeans.class);

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void endingScopedInstancesLeavesTheApplicationRunning() {
		this.runner.run((context) -> {
			RestClient singleton = context.getBean(RestClient.Builder.class).build();
			assertThat(call(singleton)).isEqualTo("done /delay/10");
			for (int i = 0; i < 1000; i++) {
				scopedClient(context);
				scope(context).end();
			}
			assertThat(coordinator(context).state()).isEqualTo(ShutdownState.RUNNING);
			// every instance left when it ended: the singleton's pool and the shared ones
			// stay
			assertThat(context.getBean(ParticipantRegistry.class).participants()).hasSizeLessThan(5)
				.noneMatch((participant) -> participant.name().startsWith("scopedClient"));
			assertThat(call(singleton)).isEqualTo("done /delay/10");
		});
	}

	@Test
	void aScopedClientIsTrackedUnderItsBeanNameWhileItLives() {
		this.runner.run((context) -> {
			RestClient client = scopedClient(context);
			assertThat(call(client)).isEqualTo("done /delay/10");
			assertThat(context.getBean(ParticipantRegistry.class).find("scopedClient"))
				.as(() -> context.getBean(ParticipantRegistry.class).participants().toString())
				.isNotNull();
			scope(context).end();
			assertThat(context.getBean(ParticipantRegistry.class).find("scopedClient")).isNull();
		});
	}

	@Test
	void destroyingPrototypesAndExistingBeansLeavesTheApplicationRunning() {
		this.runner.run((context) -> {
			RestClient singleton = context.getBean(RestClient.Builder.class).build();
			ConfigurableBeanFactory beanFactory = context.getSourceApplicationContext().getBeanFactory();
			Object prototype = context.getBean("prototypeClient");
			beanFactory.destroyBean("prototypeClient", prototype);
			context.getAutowireCapableBeanFactory().destroyBean(context.getBean("plainScoped"));
			context.getAutowireCapableBeanFactory().destroyBean(new Object());
			assertThat(coordinator(context).state()).isEqualTo(ShutdownState.RUNNING);
			assertThat(call(singleton)).isEqualTo("done /delay/10");
		});
	}

	@Test
	void closingAChildContextLeavesTheParentRunning() {
		this.runner.run((context) -> {
			RestClient singleton = context.getBean(RestClient.Builder.class).build();
			try (AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext()) {
				child.setParent(context.getSourceApplicationContext());
				child.registerBean("childClient", CloseableHttpClient.class, HttpClients::createDefault);
				child.refresh();
			}
			assertThat(coordinator(context).state()).isEqualTo(ShutdownState.RUNNING);
			assertThat(call(singleton)).isEqualTo("done /delay/10");
		});
	}

	private String call(RestClient client) {
		return client.get().uri(this.upstream.uri("/delay/10")).retrieve().body(String.class);
	}

	private static RestClient scopedClient(AssertableApplicationContext context) {
		return (RestClient) context.getBean("scopedClient");
	}

	private static EndingScope scope(AssertableApplicationContext context) {
		return (EndingScope) context.getSourceApplicationContext()
			.getBeanFactory()
			.getRegisteredScope(EndingScope.NAME);
	}

	private static ShutdownCoordinator coordinator(AssertableApplicationContext context) {
		return context.getBean(ShutdownCoordinator.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class ScopedBeans {

		@Bean
		@org.springframework.context.annotation.Scope(EndingScope.NAME)
		RestClient scopedClient() {
			// a pool of its own per instance, closed by nobody but its owner
			return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
		}

		@Bean
		@org.springframework.context.annotation.Scope(EndingScope.NAME)
		StringBuilder plainScoped() {
			return new StringBuilder();
		}

		@Bean
		@org.springframework.context.annotation.Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		RestClient prototypeClient() {
			return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
		}

	}

	/**
	 * A scope whose instances live until {@link #end()}, as a request's do until the
	 * request ends: then their destruction callbacks run.
	 */
	static final class EndingScope implements Scope {

		static final String NAME = "ending";

		private final Map<String, Object> instances = new ConcurrentHashMap<>();

		private final List<Runnable> callbacks = new ArrayList<>();

		@Override
		public Object get(String name, ObjectFactory<?> objectFactory) {
			return this.instances.computeIfAbsent(name, (key) -> objectFactory.getObject());
		}

		@Override
		public @Nullable Object remove(String name) {
			return this.instances.remove(name);
		}

		@Override
		public synchronized void registerDestructionCallback(String name, Runnable callback) {
			this.callbacks.add(callback);
		}

		@Override
		public @Nullable Object resolveContextualObject(String key) {
			return null;
		}

		@Override
		public @Nullable String getConversationId() {
			return null;
		}

		synchronized void end() {
			this.instances.clear();
			this.callbacks.forEach(Runnable::run);
			this.callbacks.clear();
		}

	}

}
