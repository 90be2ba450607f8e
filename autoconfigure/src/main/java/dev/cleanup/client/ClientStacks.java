package dev.cleanup.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.cleanup.client.apache.ApacheClientStack;
import dev.cleanup.client.jdk.JdkClientStack;
import dev.cleanup.client.jetty.JettyClientStack;
import dev.cleanup.client.reactor.ReactorClientStack;
import dev.cleanup.lingering.TimeoutTaskSource;
import org.jspecify.annotations.Nullable;

/**
 * The client stacks on the class path, detected once per application. Asking them is
 * asking each in turn; the first that answers wins (a loop in each method: a helper
 * taking a function would load a class per question at startup).
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ClientStacks {

	private final List<ClientStack> stacks;

	private ClientStacks(List<ClientStack> stacks) {
		this.stacks = List.copyOf(stacks);
	}

	/**
	 * Detect the stacks whose libraries a class loader can load. The JDK's client is
	 * always there.
	 * @param classLoader the class loader
	 * @param reactorQuietPeriod {@code spring.reactor.netty.shutdown-quiet-period}, if
	 * set
	 * @return the stacks present
	 */
	public static ClientStacks detect(@Nullable ClassLoader classLoader, @Nullable Duration reactorQuietPeriod) {
		List<ClientStack> stacks = new ArrayList<>();
		if (ApacheClientStack.Classes.present(classLoader)) {
			stacks.add(new ApacheClientStack());
		}
		if (JettyClientStack.Classes.present(classLoader)) {
			stacks.add(new JettyClientStack());
		}
		if (ReactorClientStack.Classes.present(classLoader)) {
			stacks.add(new ReactorClientStack(reactorQuietPeriod));
		}
		stacks.add(new JdkClientStack());
		return new ClientStacks(stacks);
	}

	/**
	 * Tell every stack that the calls in flight at shutdown have drained.
	 */
	public void drained() {
		for (ClientStack stack : this.stacks) {
			stack.drained();
		}
	}

	/**
	 * Return what to do right before Spring stops a bean, if a stack has something.
	 * @param bean a bean
	 * @return the work, or {@code null}
	 */
	public @Nullable Runnable beforeStopOf(Object bean) {
		for (ClientStack stack : this.stacks) {
			Runnable answer = stack.beforeStopOf(bean);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	/**
	 * Return the stacks, in the order they are asked.
	 * @return the stacks
	 */
	public List<ClientStack> stacks() {
		return this.stacks;
	}

	/**
	 * Return the pool a bean is, if a stack knows its type.
	 * @param bean the bean
	 * @return the pool or {@code null}
	 */
	public @Nullable Pool poolOfBean(Object bean) {
		for (ClientStack stack : this.stacks) {
			Pool answer = stack.poolOfBean(bean);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	/**
	 * Return the pool behind a Spring request factory or connector.
	 * @param factoryOrConnector the request factory or connector
	 * @return the pool, or {@code null} if no stack knows it
	 */
	public @Nullable Pool poolOf(Object factoryOrConnector) {
		for (ClientStack stack : this.stacks) {
			Pool answer = stack.poolOf(factoryOrConnector);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	/**
	 * Return a client bean that tracks its calls, if a stack knows it as a client of its
	 * own.
	 * @param clientBean the bean
	 * @param tracking where its calls are recorded
	 * @return the bean to use instead, or {@code null}
	 */
	public @Nullable Object withCallTracking(Object clientBean, CallTracking tracking) {
		for (ClientStack stack : this.stacks) {
			Object answer = stack.withCallTracking(clientBean, tracking);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	/**
	 * Return the pool Spring's default {@code WebClient} connector uses, if a stack knows
	 * it.
	 * @return the pool or {@code null}
	 */
	public @Nullable Pool defaultConnectorPool() {
		for (ClientStack stack : this.stacks) {
			Pool answer = stack.defaultConnectorPool();
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

	/**
	 * Return the shared pools that something has created by now.
	 * @return the pools
	 */
	public List<Pool> sharedPoolsInUse() {
		List<Pool> pools = new ArrayList<>();
		for (ClientStack stack : this.stacks) {
			pools.addAll(stack.sharedPoolsInUse());
		}
		return pools;
	}

	/**
	 * Return a source of timeout tasks for a bean, if a stack knows it as a timer.
	 * @param bean the bean
	 * @param beanName the bean's name
	 * @param ownerClosed whether the timer's owner is closed
	 * @return the source or {@code null}
	 */
	public @Nullable TimeoutTaskSource timerSourceOf(Object bean, String beanName, BooleanSupplier ownerClosed) {
		for (ClientStack stack : this.stacks) {
			TimeoutTaskSource answer = stack.timerSourceOf(bean, beanName, ownerClosed);
			if (answer != null) {
				return answer;
			}
		}
		return null;
	}

}
