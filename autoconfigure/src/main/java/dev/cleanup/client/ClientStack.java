package dev.cleanup.client;

import java.util.List;
import java.util.function.BooleanSupplier;

import dev.cleanup.lingering.TimeoutTaskSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything the starter knows of one HTTP client stack (Apache HttpClient 5, Jetty, the
 * JDK client, Reactor Netty), in one place: which beans are its pools, how to find the
 * pool inside a Spring request factory or connector of the stack, how to close each pool
 * and which threads are its own, and its timers. The generic code asks every stack
 * present and never names a client library.
 * <p>
 * Methods take {@code Object}: a stack tells its own types apart by name, so that asking
 * it about a type of a library that is absent loads nothing of that library.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public interface ClientStack {

	/**
	 * Return the stack's name, used in the names of the pools found inside Spring's
	 * factories and connectors, such as {@code jetty} in {@code http-client-jetty}.
	 * @return the name
	 */
	String name();

	/**
	 * Return the pool a bean is, if it is of a pool type this stack knows.
	 * @param bean the bean
	 * @return the pool, or {@code null}
	 */
	default @Nullable Pool poolOfBean(Object bean) {
		return null;
	}

	/**
	 * Return the pool behind a Spring {@code ClientHttpRequestFactory} or
	 * {@code ClientHttpConnector} of this stack.
	 * @param factoryOrConnector the request factory or connector
	 * @return the pool, or {@code null} if it is not of this stack or its pool cannot be
	 * read
	 */
	default @Nullable Pool poolOf(Object factoryOrConnector) {
		return null;
	}

	/**
	 * Return a client bean of this stack that tracks its calls, for clients of this stack
	 * that are beans of their own rather than Spring clients with a request factory or
	 * connector to wrap.
	 * @param clientBean the bean
	 * @param tracking where its calls are recorded
	 * @return the bean to use instead, or {@code null} if it is no such client
	 */
	default @Nullable Object withCallTracking(Object clientBean, CallTracking tracking) {
		return null;
	}

	/**
	 * Return the pool Spring's own default connector of a {@code WebClient} uses, when
	 * that connector is of this stack and its pool is shared, so that a {@code WebClient}
	 * built without a connector has its calls tracked on that pool.
	 * @return the pool, or {@code null}
	 */
	default @Nullable Pool defaultConnectorPool() {
		return null;
	}

	/**
	 * Return the pools shared by every client of this stack that something has created by
	 * now, such as Reactor Netty's global resources after a {@code WebClient.create()},
	 * found without creating them.
	 * @return the pools, often none
	 */
	default List<Pool> sharedPoolsInUse() {
		return List.of();
	}

	/**
	 * Return a source of timeout tasks for a bean, if it is a timer this stack knows.
	 * @param bean the bean
	 * @param beanName the bean's name
	 * @param ownerClosed whether the timer's owner is closed, from which point its tasks
	 * linger
	 * @return the source, or {@code null}
	 */
	default @Nullable TimeoutTaskSource timerSourceOf(Object bean, String beanName, BooleanSupplier ownerClosed) {
		return null;
	}

	/**
	 * Act once the calls in flight at shutdown have drained (or used up their allowance),
	 * before the application's own shutdown work and the lifecycle stops below the drain
	 * stage: for example, hand a resource factory that Spring stops itself the quiet
	 * period the starter would use.
	 */
	default void drained() {
	}

	/**
	 * Return what to do right before Spring stops a bean that disposes a stack's
	 * resources itself when it stops (Spring's {@code ReactorResourceFactory}), once the
	 * context is closing: for example, close its connection pools while its event loops
	 * still run, so that the bean's own stop can end the loops at once.
	 * @param bean a bean
	 * @return the work, or {@code null} if the stack has none for this bean
	 */
	default @Nullable Runnable beforeStopOf(Object bean) {
		return null;
	}

}
