package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.client.Pool;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.tracking.TrackedClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The beans that are pools of a client stack: each becomes a participant named after its
 * bean, a stack's own client bean has its calls tracked on its pool, a pool closes when
 * Spring destroys its bean, and an instance of a non-singleton bean leaves with its
 * instance.
 *
 * @author cleanup contributors
 */
public final class PoolBeans {

	private final ClientPools pools;

	private final ResourceStopHooks stopHooks;

	public PoolBeans(ClientPools pools, ResourceStopHooks stopHooks) {
		this.pools = pools;
		this.stopHooks = stopHooks;
	}

	/**
	 * Register a bean that is a pool, and track its calls where the stack can and nothing
	 * tracks them yet.
	 * @param bean the bean as Spring created it
	 * @param current the bean to use so far (a tracking replacement, or the bean)
	 * @param beanName its name
	 * @param beanFactory the bean factory, which tells who owns the bean
	 * @return the bean to use
	 */
	public Object register(Object bean, Object current, String beanName,
			@Nullable ConfigurableListableBeanFactory beanFactory) {
		Pool pool = this.pools.stacks().poolOfBean(bean);
		if (pool == null) {
			return current;
		}
		TrackedClient client = this.pools.registerBean(pool, ClientPools.Owner.ofBean(beanFactory, beanName, bean));
		if (current != bean) {
			return current;
		}
		Object tracked = this.pools.stacks().withCallTracking(bean, this.pools.callTracking(client));
		return (tracked != null) ? tracked : bean;
	}

	/**
	 * Close the resources of a bean that closes itself when it stops (Spring's
	 * {@code ReactorResourceFactory}) right before it stops.
	 * @param bean the bean
	 * @param beanName its name
	 * @param beanFactory the bean factory
	 */
	public void closeBeforeItStops(Object bean, String beanName, ConfigurableListableBeanFactory beanFactory) {
		Runnable beforeStop = this.pools.stacks().beforeStopOf(bean);
		if (beforeStop != null) {
			this.stopHooks.add(beforeStop);
			// Spring stops a bean's dependents right before the bean
			beanFactory.registerDependentBean(beanName, ResourceStopHooks.BEAN_NAME);
		}
	}

	/**
	 * Close the pool a singleton owns, as Spring destroys it: after its dependents,
	 * before its own destroy method.
	 * @param bean the bean being destroyed
	 * @param beanFactory the bean factory
	 */
	public void closeWith(Object bean, ConfigurableListableBeanFactory beanFactory) {
		String participant = this.pools.participantOf(bean);
		if (participant != null) {
			ExistingBeans.find(beanFactory, ShutdownCoordinator.class)
				.ifPresent((coordinator) -> coordinator.closeNow(participant));
		}
	}

	/**
	 * Let go of the participant of an instance of a non-singleton bean that Spring
	 * destroys while the application runs.
	 * @param bean the instance
	 */
	public void release(Object bean) {
		this.pools.release(bean);
	}

}
