package dev.cleanup.autoconfigure.instrument;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import dev.cleanup.client.CallTracking;
import dev.cleanup.client.ClientStacks;
import dev.cleanup.client.Pool;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.Teardown;
import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap.ReferenceType;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The pools of one application and the clients their calls are tracked on. A pool is
 * registered as a participant the first time it is seen, whether as a bean or inside a
 * request factory or connector, and every later sight of the same pool gets the same
 * tracked client: a pool, its participant and its tracked client are made together, in
 * one place, whatever order Spring creates beans and runs customizers in.
 * <p>
 * Pools found inside factories and connectors are held weakly: a collected pool drops
 * out, and so does its entry here.
 *
 * @author cleanup contributors
 */
public final class ClientPools {

	/**
	 * The family of the pools found inside request factories.
	 */
	static final String FACTORY = "http-client";

	/**
	 * The family of the pools found inside connectors.
	 */
	static final String CONNECTOR = "http-connector";

	/**
	 * How many beans deep a transport's pools are looked for: a client bean, the client
	 * it wraps, its pool.
	 */
	private static final int MAX_TRANSPORT_DEPTH = 3;

	private final ClientStacks stacks;

	private final ObjectProvider<ParticipantRegistry> registry;

	private final ObjectProvider<InFlightCalls> calls;

	/**
	 * The client of each pool, by the pool: weak keys (a collected pool drops out), the
	 * values held strongly (a tracked client holds no pool). Not Spring's
	 * {@code ConcurrentReferenceHashMap}, whose entries go as a whole at the next
	 * collection while their key is still alive.
	 */
	private final WeakIdentityMap<CompletableFuture<TrackedClient>> byResource = new WeakIdentityMap<>();

	/**
	 * The participant registered for each bean that owns a pool, by the bean instance: it
	 * closes when Spring destroys a singleton, and leaves when Spring destroys an
	 * instance of a non-singleton bean. Weak keys: an instance nobody destroys, such as a
	 * prototype, drops out when collected, and its participant, held weakly, with it.
	 */
	private final WeakIdentityMap<String> byInstance = new WeakIdentityMap<>();

	/**
	 * The client tracked on the pool each singleton bean owns, by bean name.
	 */
	private final Map<String, TrackedClient> bySingletonBean = new ConcurrentHashMap<>();

	/**
	 * The clients of the pools a transport (a Feign client, say) runs on, found once per
	 * transport from Spring's bean dependencies. Weak keys: a transport that goes, goes.
	 */
	private final WeakIdentityMap<List<TrackedClient>> byTransport = new WeakIdentityMap<>();

	/**
	 * Create the pools of one application. The registry and the calls are looked up when
	 * the first pool is registered, so that a bean post-processor can use this early.
	 * @param stacks the stacks present
	 * @param registry the participant registry
	 * @param calls the in-flight calls
	 */
	public ClientPools(ClientStacks stacks, ObjectProvider<ParticipantRegistry> registry,
			ObjectProvider<InFlightCalls> calls) {
		this.stacks = stacks;
		this.registry = registry;
		this.calls = calls;
	}

	public ClientStacks stacks() {
		return this.stacks;
	}

	/**
	 * Register a bean that is a pool, named after the bean.
	 * @param pool the pool
	 * @param owner the bean, as {@link Owner#bean} or {@link Owner#nonSingletonBean} made
	 * it
	 * @return the client its calls are tracked on
	 */
	TrackedClient registerBean(Pool pool, Owner owner) {
		TrackedClient client = register(pool, owner.name(), owner);
		if (owner.strong() && owner.name() != null) {
			this.bySingletonBean.put(owner.name(), client);
		}
		return client;
	}

	/**
	 * Place the calls of a client that the starter tracks without seeing its pool
	 * (OpenFeign's, tracked under the Feign client's name) on the pools its transport
	 * runs on: those of the singleton beans the transport's bean depends on, directly or
	 * through other beans, as Spring recorded them when it injected them. A call of the
	 * client that fails once the starter started closing one of them counts as cut. When
	 * none is found, the client is said to run on a pool the starter cannot see.
	 * @param client the client
	 * @param transport what its calls go through
	 * @param beanFactory the bean factory that holds the transport's bean
	 * @return the client
	 */
	public TrackedClient placeOnPoolsOf(TrackedClient client, Object transport,
			ConfigurableListableBeanFactory beanFactory) {
		List<TrackedClient> pools = this.byTransport.get(transport);
		if (pools == null) {
			pools = poolsUnder(transport, beanFactory);
			this.byTransport.put(transport, pools);
		}
		if (pools.isEmpty()) {
			client.runsOnUnseenPool();
		}
		for (TrackedClient pool : pools) {
			pool.carries(client);
		}
		return client;
	}

	private List<TrackedClient> poolsUnder(Object transport, ConfigurableListableBeanFactory beanFactory) {
		List<String> beans = singletonsOf(transport, beanFactory);
		Deque<Map.Entry<String, Integer>> toVisit = new ArrayDeque<>();
		for (String name : beans) {
			toVisit.add(Map.entry(name, 0));
		}
		Set<String> visited = new HashSet<>();
		List<TrackedClient> pools = new ArrayList<>();
		while (!toVisit.isEmpty()) {
			Map.Entry<String, Integer> next = toVisit.poll();
			if (!visited.add(next.getKey())) {
				continue;
			}
			TrackedClient pool = this.bySingletonBean.get(next.getKey());
			if (pool != null) {
				// the pool a transport runs on, not the pools that one is built from
				if (!pools.contains(pool)) {
					pools.add(pool);
				}
			}
			else if (next.getValue() < MAX_TRANSPORT_DEPTH) {
				for (String dependency : beanFactory.getDependenciesForBean(next.getKey())) {
					toVisit.add(Map.entry(dependency, next.getValue() + 1));
				}
			}
		}
		return List.copyOf(pools);
	}

	/**
	 * Return the singleton beans a transport is, or, when it is none (Spring Cloud
	 * unwraps a load-balancing client's delegate for a Feign client with a URL), the
	 * singletons of the interfaces it implements, which it was unwrapped from.
	 */
	private static List<String> singletonsOf(Object transport, ConfigurableListableBeanFactory beanFactory) {
		List<String> same = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(transport.getClass(), false, false)) {
			if (beanFactory.containsSingleton(name) && beanFactory.getSingleton(name) == transport) {
				same.add(name);
			}
		}
		if (!same.isEmpty()) {
			return same;
		}
		List<String> wrappers = new ArrayList<>();
		for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(transport.getClass())) {
			if (type.getName().startsWith("java.")) {
				continue;
			}
			for (String name : beanFactory.getBeanNamesForType(type, false, false)) {
				if (beanFactory.containsSingleton(name) && !wrappers.contains(name)) {
					wrappers.add(name);
				}
			}
		}
		return wrappers;
	}

	/**
	 * Return the participant of the pool a bean owns.
	 * @param bean the bean instance, as Spring created it
	 * @return the participant's name, or {@code null} if the bean owns no pool
	 */
	@Nullable String participantOf(Object bean) {
		return this.byInstance.get(bean);
	}

	/**
	 * Let go of the participants registered for an instance of a non-singleton bean
	 * (request, session or refresh scope, a prototype), which Spring destroys while the
	 * application runs: they leave the registry, as the instance leaves the application.
	 * Their pools are left to the bean's own destroy method, as without the starter.
	 * @param bean the bean instance being destroyed: Spring destroys the instance it
	 * created, before any post-processor replaced it
	 */
	void release(Object bean) {
		String name = this.byInstance.remove(bean);
		if (name != null) {
			this.registry.getObject().remove(name);
		}
	}

	/**
	 * Return the client that tracks the calls made through a request factory or
	 * connector: the one of the pool behind it, registered on first sight as a pool the
	 * starter captured ({@code <family>-<stack>}), or, if no stack knows it, one of its
	 * own that no pool waits for.
	 * @param factoryOrConnector the request factory or connector, or {@code null} if
	 * unknown
	 * @param family {@code http-client} for request factories, {@code http-connector} for
	 * connectors
	 * @param unknownName the name of the client when no pool is known
	 * @return the tracked client
	 */
	TrackedClient trackedClientFor(@Nullable Object factoryOrConnector, String family, String unknownName) {
		return trackedClientFor(factoryOrConnector, family, unknownName, Owner.CAPTURED);
	}

	/**
	 * Return the client that tracks the calls made through a request factory or connector
	 * of a client that has an owner: its pool, registered on first sight as the owner
	 * says, or, if no stack knows it, a client that no pool waits for.
	 * @param factoryOrConnector the request factory or connector, or {@code null} if
	 * unknown
	 * @param family {@code http-client} or {@code http-connector}
	 * @param unknownName the name of the client when no pool is known and the owner has
	 * no name
	 * @param owner who owns the client
	 * @return the tracked client
	 */
	TrackedClient trackedClientFor(@Nullable Object factoryOrConnector, String family, String unknownName,
			Owner owner) {
		Pool pool = (factoryOrConnector != null) ? this.stacks.poolOf(factoryOrConnector) : null;
		if (pool == null && factoryOrConnector == null && family.equals(CONNECTOR)) {
			pool = this.stacks.defaultConnectorPool();
		}
		InFlightCalls calls = this.calls.getObject();
		String name = owner.name();
		TrackedClient client;
		if (pool != null) {
			client = register(pool, (name != null) ? name : family + "-" + pool.stack(), owner);
		}
		else {
			client = (name != null) ? calls.namedClient(name) : calls.capturedClient(unknownName);
		}
		return client.markTracked();
	}

	/**
	 * Register the shared pools something created by now (Reactor Netty's global
	 * resources after a {@code WebClient.create()}, say), found without creating them.
	 */
	public void registerSharedPoolsInUse() {
		for (Pool pool : this.stacks.sharedPoolsInUse()) {
			register(pool, pool.stack(), Owner.CAPTURED);
		}
	}

	/**
	 * Return where a stack that tracks calls itself records those of a client.
	 * @param client the tracked client
	 * @return the call tracking
	 */
	public CallTracking callTracking(TrackedClient client) {
		InFlightCalls calls = this.calls.getObject();
		client.markTracked();
		return new CallTracking() {

			@Override
			public Call start(String method, URI uri) {
				InFlightCall call = calls.start(client, method, uri);
				return (failure) -> calls.end(call, failure);
			}

			@Override
			public Call untracked(Exception cause) {
				InFlightCall call = calls.untracked(client, cause);
				return (failure) -> calls.end(call, failure);
			}

		};
	}

	/**
	 * Register a pool once, however many threads see it at once (background bean
	 * initialization creates clients on several). The map's lock is held only to claim
	 * the pool: the registration, which asks Spring's bean factory for beans and runs the
	 * registry's listeners, runs outside any lock of ours; a thread that sees the pool
	 * while another registers it waits for that registration.
	 */
	private TrackedClient register(Pool pool, String name, Owner owner) {
		Object resource = pool.resource();
		CompletableFuture<TrackedClient> registration;
		boolean claimed = false;
		synchronized (this.byResource) {
			registration = this.byResource.get(resource);
			if (registration == null) {
				registration = new CompletableFuture<>();
				this.byResource.put(resource, registration);
				claimed = true;
			}
		}
		if (claimed) {
			try {
				registration.complete(newParticipant(pool, name, owner));
			}
			catch (RuntimeException | Error ex) {
				this.byResource.remove(resource);
				registration.completeExceptionally(ex);
				throw ex;
			}
		}
		return registration.join();
	}

	/**
	 * Whether the current thread holds a lock of this object's.
	 * @return {@code true} while registering under a lock
	 */
	boolean holdsLock() {
		return Thread.holdsLock(this.byResource);
	}

	private TrackedClient newParticipant(Pool pool, String name, Owner owner) {
		String shared = pool.sharedName();
		boolean captured = !owner.strong() && shared == null;
		boolean weak = captured && !pool.isHeldUntilClosed();
		BiFunction<Object, InFlightSource, Teardown> teardown = pool.teardown();
		Predicate<Thread> threads = pool.threads();
		Object resource = pool.resource();
		InFlightCalls calls = this.calls.getObject();
		TrackedClient[] client = new TrackedClient[1];
		this.registry.getObject().register((shared != null) ? shared : name, (unique) -> {
			// a named owner's calls keep its name, however many pools it adopts
			String ownerName = owner.name();
			TrackedClient own = (ownerName == null || shared != null) ? calls.capturedClient(unique)
					: calls.namedClient(ownerName);
			client[0] = own;
			Object instance = owner.instance();
			if (instance != null) {
				this.byInstance.put(instance, unique);
			}
			Participant.Builder builder = Participant.builder(unique)
				.kind(pool.kind())
				.stage(pool.stage())
				.inFlight(own);
			if (threads != null) {
				builder.threads(threads);
			}
			if (captured) {
				builder.captured();
			}
			// the teardown function holds no resource: a weak participant stays weak
			return (weak ? builder.weak(resource, (held) -> teardown.apply(held, own))
					: builder.teardown(pool.deferredTeardown(own)))
				.build();
		});
		return client[0];
	}

	/**
	 * Who owns a client, which decides how its pool is named and held: captured from a
	 * builder (named after the stack, held weakly), a singleton bean (named after it,
	 * held strongly), an instance of a non-singleton bean (named after the bean, held
	 * weakly and let go of when Spring destroys the instance), or handed over by name
	 * (named after it, held weakly).
	 *
	 * @param name the owner's name, {@code null} when captured
	 * @param strong whether the pool is held strongly
	 * @param instance the instance of a non-singleton bean, or {@code null}
	 */
	public record Owner(@Nullable String name, boolean strong, @Nullable Object instance) {

		static final Owner CAPTURED = new Owner(null, false, null);

		public static Owner bean(String beanName, Object instance) {
			return new Owner(beanName, true, instance);
		}

		public static Owner nonSingletonBean(String beanName, Object instance) {
			String name = ScopedProxyUtils.isScopedTarget(beanName) ? ScopedProxyUtils.getOriginalBeanName(beanName)
					: beanName;
			return new Owner(name, false, instance);
		}

		public static Owner adopted(String name) {
			return new Owner(name, false, null);
		}

		/**
		 * Return the owner of a bean's client: the bean, held strongly if it is a
		 * singleton, weakly if the application may create any number of it.
		 * @param beanFactory the bean factory, {@code null} when not known yet
		 * @param beanName the bean's name
		 * @param instance the bean
		 * @return the owner
		 */
		public static Owner ofBean(@Nullable ConfigurableListableBeanFactory beanFactory, String beanName,
				Object instance) {
			return isNonSingleton(beanFactory, beanName) ? nonSingletonBean(beanName, instance)
					: bean(beanName, instance);
		}

		/**
		 * Whether a bean is an instance of a non-singleton bean definition (request,
		 * session, refresh or job scope, a prototype), of which the application may
		 * create any number while it runs.
		 * @param beanFactory the bean factory, {@code null} when not known yet
		 * @param beanName the bean's name
		 * @return {@code true} for an instance of a non-singleton bean definition
		 */
		public static boolean isNonSingleton(@Nullable ConfigurableListableBeanFactory beanFactory, String beanName) {
			return beanFactory != null && beanFactory.containsBeanDefinition(beanName)
					&& !beanFactory.getMergedBeanDefinition(beanName).isSingleton();
		}

	}

}
