package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.cleanup.client.CallTracking;
import dev.cleanup.client.ClientStack;
import dev.cleanup.client.Pool;
import dev.cleanup.client.PrivateField;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.HashedWheelTimerTaskSource;
import dev.cleanup.lingering.TimeoutTaskSource;
import io.netty.util.HashedWheelTimer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpResources;

import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.ClassUtils;

/**
 * Reactor Netty. The global {@link HttpResources} (Boot's default, shared by every
 * Reactor client and a WebFlux server) are one shared pool, {@value #GLOBAL_NAME},
 * disposed in the dispose stage, before Spring's {@link ReactorResourceFactory} (phase 0)
 * would, and without Netty's 2 s quiet period when nothing is in flight unless
 * {@code spring.reactor.netty.shutdown-quiet-period} is set, which wins. The global
 * loops' threads ({@code reactor-http-*}) belong to that pool alone. A resource factory
 * with private resources is disposed the same way; private connection providers close in
 * the close stage and private loops are disposed in the dispose stage.
 * <p>
 * Finding which provider a client uses never creates the global resources: Reactor
 * Netty's public answer does, so the provider the client was configured with is read.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ReactorClientStack implements ClientStack {

	/**
	 * The name of the shared pool of the global resources.
	 */
	public static final String GLOBAL_NAME = "reactor-http";

	static final String NAME = "reactor";

	private static final String OFF = "Pools of Spring's Reactor request factories and connectors are not closed "
			+ "by the starter (their calls are still tracked)";

	private static final PrivateField FACTORY_CLIENT = new PrivateField(
			"org.springframework.http.client.ReactorClientHttpRequestFactory", "httpClient", OFF);

	private static final PrivateField FACTORY_RESOURCES = new PrivateField(
			"org.springframework.http.client.ReactorClientHttpRequestFactory", "resourceFactory", OFF);

	private static final PrivateField CONNECTOR_CLIENT = new PrivateField(
			"org.springframework.http.client.reactive.ReactorClientHttpConnector", "httpClient", OFF);

	private static final PrivateField CONNECTOR_RESOURCES = new PrivateField(
			"org.springframework.http.client.reactive.ReactorClientHttpConnector", "resourceFactory", OFF);

	/**
	 * The most the connection pools may take to close before Spring's factory stops.
	 */
	private static final Duration POOLS_CLOSE_TIMEOUT = Duration.ofSeconds(2);

	private final @Nullable Duration configuredQuietPeriod;

	/**
	 * Stands for the global resources, which are no object of their own: one per
	 * application, so that they are one participant however many clients use them.
	 */
	private final Object globalResources = new Object();

	/**
	 * Spring's resource factories seen as beans, each with the calls on the resources it
	 * stops (the global ones' for a factory that uses them), to hand it the starter's
	 * quiet period once the drain is done: the factory disposes them itself at its stop
	 * (phase 0), before the starter's dispose stage. Weak keys: a factory is a bean,
	 * which lives as long as its context.
	 */
	private final Map<ReactorResourceFactory, Supplier<InFlightSource>> factories = Collections
		.synchronizedMap(new WeakHashMap<>());

	private volatile InFlightSource globalCalls = InFlightSource.NONE;

	/**
	 * What the drain handed Spring's factory of the global resources for its own stop,
	 * described for the report.
	 */
	private volatile @Nullable String handedToFactory;

	/**
	 * Create the stack.
	 * @param configuredQuietPeriod {@code spring.reactor.netty.shutdown-quiet-period}, if
	 * set
	 */
	public ReactorClientStack(@Nullable Duration configuredQuietPeriod) {
		this.configuredQuietPeriod = configuredQuietPeriod;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public @Nullable Pool poolOfBean(Object bean) {
		if (bean instanceof ReactorResourceFactory factory) {
			return resourceFactoryPool(factory);
		}
		if (bean instanceof HttpClient client) {
			return clientPool(client);
		}
		if (bean instanceof TcpResources) {
			return globalPool();
		}
		if (bean instanceof ConnectionProvider provider) {
			return providerPool(provider);
		}
		if (bean instanceof LoopResources loops) {
			Duration configured = this.configuredQuietPeriod;
			return Pool.of(NAME, loops, Kind.REACTOR_NETTY, Stage.DISPOSE,
					(resource, calls) -> new ReactorLoopResourcesTeardown(resource,
							ReactorQuietPeriod.zeroWhenIdle(configured, calls), shutdownTimeout()));
		}
		return null;
	}

	@Override
	public @Nullable Pool poolOf(Object factoryOrConnector) {
		PrivateField client;
		PrivateField resources;
		if (FACTORY_CLIENT.declaredBy(factoryOrConnector)) {
			client = FACTORY_CLIENT;
			resources = FACTORY_RESOURCES;
		}
		else if (CONNECTOR_CLIENT.declaredBy(factoryOrConnector)) {
			client = CONNECTOR_CLIENT;
			resources = CONNECTOR_RESOURCES;
		}
		else {
			return null;
		}
		if (client.read(factoryOrConnector) instanceof HttpClient httpClient) {
			return clientPool(httpClient);
		}
		if (resources.read(factoryOrConnector) instanceof ReactorResourceFactory factory) {
			return resourceFactoryPool(factory);
		}
		return null;
	}

	/**
	 * A Reactor Netty {@code HttpClient} bean (Spring Cloud Gateway's proxy client is
	 * one) has its calls tracked by a connection observer.
	 */
	@Override
	public @Nullable Object withCallTracking(Object clientBean, CallTracking tracking) {
		return (clientBean instanceof HttpClient client) ? ReactorCallTracking.track(client, tracking) : null;
	}

	/**
	 * The global resources, once something created them ({@code WebClient.create()},
	 * {@code HttpClient.create()} at its first call): read from the field that holds
	 * them, since {@link HttpResources#get()} would create them.
	 */
	@Override
	public List<Pool> sharedPoolsInUse() {
		return (ReactorGlobalPools.current() != null) ? List.of(globalPool()) : List.of();
	}

	/**
	 * Spring's default {@code WebClient} connector, where Reactor Netty is present, is a
	 * {@code ReactorClientHttpConnector} on the global resources.
	 */
	@Override
	public Pool defaultConnectorPool() {
		return globalPool();
	}

	@Override
	public @Nullable TimeoutTaskSource timerSourceOf(Object bean, String beanName, BooleanSupplier ownerClosed) {
		return (bean instanceof HashedWheelTimer timer) ? new HashedWheelTimerTaskSource(beanName, timer, ownerClosed)
				: null;
	}

	private Pool clientPool(HttpClient client) {
		ConnectionProvider provider = ReactorProviders.ownProvider(client);
		return (provider != null) ? providerPool(provider) : globalPool();
	}

	private Pool providerPool(ConnectionProvider provider) {
		if (provider instanceof TcpResources) {
			return globalPool();
		}
		return Pool.of(NAME, provider, Kind.REACTOR_NETTY, Stage.CLOSE,
				(resource, calls) -> new ReactorConnectionProviderTeardown(resource));
	}

	private Pool resourceFactoryPool(ReactorResourceFactory factory) {
		if (factory.isUseGlobalResources()) {
			this.factories.put(factory, () -> this.globalCalls);
			return globalPool();
		}
		Duration configured = this.configuredQuietPeriod;
		InFlightSource[] own = { () -> 0 };
		this.factories.put(factory, () -> own[0]);
		return Pool.of(NAME, factory, Kind.REACTOR_NETTY, Stage.DISPOSE, (resource, calls) -> {
			own[0] = calls;
			return new ReactorResourceFactoryTeardown(resource, ReactorQuietPeriod.zeroWhenIdle(configured, calls),
					shutdownTimeout());
		});
	}

	/**
	 * Hand each of Spring's resource factories the quiet period the starter would dispose
	 * its resources with, unless the user set one
	 * ({@code spring.reactor.netty.shutdown-quiet-period}, which Boot gave it): none
	 * where no connection was ever pooled, else the least Netty 4.2 needs to close the
	 * channels still open. The factory disposes its loops and its connection pools at
	 * once; with no quiet period a loop can end before a pool's close of an idle
	 * connection reaches it (Spring then logs that the factory failed to stop, and the
	 * connection stays registered with the ended loop). The factory disposes them itself
	 * when it stops, at phase 0: after the drain and after the application's own phase-0
	 * work, which may still use them, and before the starter's dispose stage, which then
	 * disposes what a later call created again. Without this, the factory would wait
	 * Reactor Netty's default 2 s quiet period even with nothing left to run.
	 */
	@Override
	public void drained() {
		Duration configured = this.configuredQuietPeriod;
		List<Map.Entry<ReactorResourceFactory, Supplier<InFlightSource>>> seen;
		synchronized (this.factories) {
			seen = List.copyOf(this.factories.entrySet());
		}
		for (Map.Entry<ReactorResourceFactory, Supplier<InFlightSource>> entry : seen) {
			String handed;
			if (configured != null) {
				handed = ReactorQuietPeriod.of(configured).describe(configured);
			}
			else if (entry.getValue().get().inFlightCount() == 0) {
				// its connection pools are closed right before it stops (beforeStopOf)
				entry.getKey().setShutdownQuietPeriod(Duration.ZERO);
				handed = "quiet period 0 ms, nothing in flight, connection pools closed first";
			}
			else {
				entry.getKey().setShutdownQuietPeriod(ReactorDisposal.LEAST_NETTY_QUIET_PERIOD);
				handed = "quiet period " + ReactorDisposal.LEAST_NETTY_QUIET_PERIOD.toMillis()
						+ " ms, calls in flight: the least that lets Netty close their channels";
			}
			if (entry.getKey().isUseGlobalResources()) {
				this.handedToFactory = handed;
			}
		}
	}

	/**
	 * Spring's factory disposes its event loops and its connection pools at once when it
	 * stops: close the pools first, while the loops run, so that no pooled connection's
	 * close can miss its loop, and the loops can end with no quiet period.
	 */
	@Override
	public @Nullable Runnable beforeStopOf(Object bean) {
		if (!(bean instanceof ReactorResourceFactory factory) || this.configuredQuietPeriod != null) {
			return null;
		}
		return () -> {
			if (!factory.isRunning()) {
				return;
			}
			List<ConnectionProvider> pools = factory.isUseGlobalResources() ? ReactorGlobalPools.pools()
					: List.of(factory.getConnectionProvider());
			Flux.fromIterable(pools)
				.flatMap((pool) -> pool.disposeLater().onErrorComplete())
				.then()
				.block(POOLS_CLOSE_TIMEOUT);
		};
	}

	private Pool globalPool() {
		Duration configured = this.configuredQuietPeriod;
		return Pool.of(NAME, this.globalResources, Kind.REACTOR_NETTY, Stage.DISPOSE, (resource, calls) -> {
			this.globalCalls = calls;
			return new ReactorGlobalResourcesTeardown(ReactorQuietPeriod.zeroWhenIdle(configured, calls),
					shutdownTimeout(), () -> this.handedToFactory);
		}).withThreads((thread) -> thread.getName().startsWith("reactor-http-")).sharedAs(GLOBAL_NAME);
	}

	/**
	 * Reactor Netty's own shutdown timeout of its event loops, read when a teardown is
	 * made: reading it initializes Reactor Netty's resources classes, which an
	 * application that never calls through Reactor Netty need not load.
	 */
	static Duration shutdownTimeout() {
		return Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_TIMEOUT);
	}

	/**
	 * The class-presence check of this stack.
	 */
	public static final class Classes {

		private static final String CLIENT = "reactor.netty.http.client.HttpClient";

		private Classes() {
		}

		/**
		 * Whether Reactor Netty's HTTP client is on the class path.
		 * @param classLoader the class loader to ask
		 * @return {@code true} if present
		 */
		public static boolean present(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(CLIENT, classLoader);
		}

	}

}
