package dev.cleanup.autoconfigure.instrument;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import dev.cleanup.client.ClientStacks;
import dev.cleanup.client.Pool;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.Stage;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.tracking.InFlightCalls;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering a pool holds no lock of the starter's while it calls out: into Spring's
 * bean factory (the registry and the calls are looked up when the first pool is
 * registered) or into the registry's listeners (the meters, among others), which could
 * otherwise deadlock against singleton creation on another thread. And clients created on
 * several threads at once, as background bean initialization creates them, each register
 * their pool once.
 *
 * @author cleanup contributors
 */
class RegistrationLocksTests {

	@Test
	void noLockIsHeldWhileLookingUpBeansOrRunningListeners() {
		ParticipantRegistry registry = new ParticipantRegistry();
		InFlightCalls calls = new InFlightCalls();
		List<String> held = new CopyOnWriteArrayList<>();
		ClientPools[] pools = new ClientPools[1];
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("registry", registry);
		beans.addBean("calls", calls);
		ObjectProvider<ParticipantRegistry> registryLookup = new CheckingProvider<>(
				beans.getBeanProvider(ParticipantRegistry.class), () -> pools[0], held, "registry lookup");
		ObjectProvider<InFlightCalls> callsLookup = new CheckingProvider<>(beans.getBeanProvider(InFlightCalls.class),
				() -> pools[0], held, "calls lookup");
		pools[0] = new ClientPools(ClientStacks.detect(getClass().getClassLoader(), null), registryLookup, callsLookup);
		registry.addListener((participant) -> {
			if (pools[0].holdsLock()) {
				held.add("listener of " + participant.name());
			}
		});
		Object resource = new Object();
		pools[0].registerBean(
				Pool.of("custom", resource, Kind.CUSTOM, Stage.CLOSE, (held1, inFlight) -> (deadline) -> true),
				ClientPools.Owner.bean("pool", resource));
		assertThat(registry.participants()).extracting(Participant::name).containsExactly("pool");
		assertThat(held).isEmpty();
	}

	@Test
	void clientBeansCreatedInTheBackgroundRegisterEachPoolOnce() {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withUserConfiguration(BackgroundClients.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> names = context.getBean(ParticipantRegistry.class)
					.participants()
					.stream()
					.map(Participant::name)
					.filter((name) -> name.startsWith("client") || name.equals("sharedHttpClient"))
					.toList();
				// eight clients on pools of their own, and the bean all the others share
				assertThat(names).hasSize(9).doesNotHaveDuplicates().contains("sharedHttpClient");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class BackgroundClients {

		@Bean
		Executor bootstrapExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(4);
			executor.setThreadNamePrefix("bootstrap-");
			executor.initialize();
			return executor;
		}

		@Bean(destroyMethod = "close")
		CloseableHttpClient sharedHttpClient() {
			return HttpClients.createDefault();
		}

		@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
		RestClient client1() {
			return ownPool();
		}

		@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
		RestClient client2() {
			return ownPool();
		}

		@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
		RestClient client3() {
			return ownPool();
		}

		@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
		RestClient client4() {
			return ownPool();
		}

		@Bean
		RestClient client5() {
			return ownPool();
		}

		@Bean
		RestClient client6() {
			return ownPool();
		}

		@Bean
		RestClient client7() {
			return ownPool();
		}

		@Bean
		RestClient client8() {
			return ownPool();
		}

		@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
		RestClient sharing1(CloseableHttpClient sharedHttpClient) {
			return RestClient.builder()
				.requestFactory(new HttpComponentsClientHttpRequestFactory(sharedHttpClient))
				.build();
		}

		@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
		RestClient sharing2(CloseableHttpClient sharedHttpClient) {
			return RestClient.builder()
				.requestFactory(new HttpComponentsClientHttpRequestFactory(sharedHttpClient))
				.build();
		}

		@Bean
		RestClient sharing3(CloseableHttpClient sharedHttpClient) {
			return RestClient.builder()
				.requestFactory(new HttpComponentsClientHttpRequestFactory(sharedHttpClient))
				.build();
		}

		private static RestClient ownPool() {
			return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
		}

	}

	/**
	 * A bean lookup that notes when it is made under a lock of the pools'.
	 */
	private static final class CheckingProvider<T> implements ObjectProvider<T> {

		private final ObjectProvider<T> delegate;

		private final java.util.function.Supplier<ClientPools> pools;

		private final List<String> held;

		private final String what;

		CheckingProvider(ObjectProvider<T> delegate, java.util.function.Supplier<ClientPools> pools, List<String> held,
				String what) {
			this.delegate = delegate;
			this.pools = pools;
			this.held = held;
			this.what = what;
		}

		@Override
		public T getObject() {
			ClientPools pools = this.pools.get();
			if (pools != null && pools.holdsLock()) {
				this.held.add(this.what);
			}
			return this.delegate.getObject();
		}

		@Override
		public T getObject(Object... args) {
			return getObject();
		}

		@Override
		public T getIfAvailable() {
			return getObject();
		}

		@Override
		public T getIfUnique() {
			return getObject();
		}

	}

}
