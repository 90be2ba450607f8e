package dev.cleanup.autoconfigure;

import java.util.function.BiFunction;

import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.Stage;
import dev.cleanup.core.Teardown;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Registers the pools that Boot's builders create and never expose as beans. Each is held
 * weakly and gets a {@link TrackedClient} of its own. Boot builds a factory and then
 * applies the client customizers on the same thread, so the tracking customizer that runs
 * next picks up the client of the pool just captured.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class PoolCaptures {

	private final ThreadLocal<TrackedClient> recent = new ThreadLocal<>();

	private final ThreadLocal<ClientHttpRequestFactory> recentFactory = new ThreadLocal<>();

	private final ParticipantRegistry registry;

	private final InFlightCalls calls;

	PoolCaptures(ParticipantRegistry registry, InFlightCalls calls) {
		this.registry = registry;
		this.calls = calls;
	}

	/**
	 * Register a pool that a builder created.
	 * @param <T> the resource type
	 * @param baseName the name to derive the participant's unique name from
	 * @param kind the participant's kind
	 * @param stage the stage it closes in
	 * @param resource the resource, held weakly
	 * @param adapter creates the teardown from the resource and its tracked calls; must
	 * not capture the resource
	 * @return the registered participant
	 */
	public <T> Participant capture(String baseName, Kind kind, Stage stage, T resource,
			BiFunction<? super T, InFlightSource, Teardown> adapter) {
		TrackedClient[] client = new TrackedClient[1];
		Participant participant = this.registry.register(Participant.builder(baseName)
			.kind(kind)
			.stage(stage)
			.weak(resource, (captured) -> adapter.apply(captured, client[0]))
			.build());
		client[0] = this.calls.capturedClient(participant.name());
		this.recent.set(client[0]);
		return participant;
	}

	/**
	 * Register a client bean, held strongly and named after the bean; its calls are
	 * tracked under that name.
	 * @param <T> the bean type
	 * @param beanName the bean name
	 * @param kind the participant's kind
	 * @param stage the stage it closes in
	 * @param bean the bean
	 * @param adapter creates the teardown from the bean and its tracked calls
	 * @return the registered participant
	 */
	public <T> Participant registerBean(String beanName, Kind kind, Stage stage, T bean,
			BiFunction<? super T, InFlightSource, Teardown> adapter) {
		TrackedClient client = this.calls.namedClient(beanName);
		Participant participant = this.registry.register(
				Participant.builder(beanName).kind(kind).stage(stage).teardown(adapter.apply(bean, client)).build());
		this.recent.set(client);
		return participant;
	}

	/**
	 * Note the request factory a builder just built on this thread, so that the
	 * RestClient customizer that runs next can track calls by wrapping it.
	 * @param factory the factory
	 */
	public void factoryBuilt(ClientHttpRequestFactory factory) {
		this.recentFactory.set(factory);
	}

	/**
	 * Return the request factory built last on this thread, and forget it.
	 * @return the factory or {@code null} if none was built on this thread
	 */
	@Nullable ClientHttpRequestFactory takeRecentFactory() {
		ClientHttpRequestFactory factory = this.recentFactory.get();
		this.recentFactory.remove();
		return factory;
	}

	/**
	 * Return the client of the pool captured last on this thread, and forget it.
	 * @return the client or {@code null} if no pool was captured on this thread
	 */
	@Nullable TrackedClient takeRecent() {
		TrackedClient client = this.recent.get();
		this.recent.remove();
		return client;
	}

	/**
	 * Return the client for calls made through a client customized on this thread: the
	 * one of the pool just captured, or else one for a pool the starter cannot see.
	 * @param fallbackName the name of the fallback client
	 * @return the client
	 */
	public TrackedClient clientForNextCustomizer(String fallbackName) {
		TrackedClient client = takeRecent();
		return (client != null) ? client : this.calls.capturedClient(fallbackName);
	}

}
