package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.instrument.PoolBeans;
import dev.cleanup.autoconfigure.instrument.ExistingBeans;
import dev.cleanup.autoconfigure.instrument.ClientPools;
import dev.cleanup.autoconfigure.instrument.TimerBeans;
import dev.cleanup.autoconfigure.instrument.ClientBeanCalls;
import dev.cleanup.autoconfigure.instrument.ResourceStopHooks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * The starter's one bean post-processor, which hands each bean to the collaborators with
 * one job each: {@link ClientBeanCalls} tracks the calls of client and builder beans,
 * {@link PoolBeans} makes the beans that are pools participants and closes each with its
 * bean, {@link TimerBeans} makes schedulers and timers sources of timeout tasks, and
 * {@link FailedStartupShutdown} closes the participants created so far when the context's
 * refresh fails. This class keeps what Spring's callbacks decide: which instance every
 * bean sees, and when a bean's destruction is the application's.
 * <p>
 * A bean is replaced only after its initialization, or, where another bean took it early
 * for a circular reference, when that early reference is taken, so that every bean sees
 * the same instance. Singletons live as long as their context, so they are held strongly;
 * instances of non-singleton beans are held weakly and let go of when Spring destroys
 * them.
 *
 * @author cleanup contributors
 */
public final class CleanupBeanPostProcessor implements SmartInstantiationAwareBeanPostProcessor,
		DestructionAwareBeanPostProcessor, BeanFactoryAware, ApplicationContextAware, DisposableBean {

	private static final Log logger = LogFactory.getLog(CleanupBeanPostProcessor.class);

	private final ClientBeanCalls clientCalls;

	private final PoolBeans poolBeans;

	private final TimerBeans timerBeans;

	private final Map<String, Object> earlyReferences = new ConcurrentHashMap<>();

	private final FailedStartupShutdown failedStartup = new FailedStartupShutdown();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private ApplicationStartup startup = ApplicationStartup.DEFAULT;

	public CleanupBeanPostProcessor(ClientPools pools, ResourceStopHooks stopHooks, ObjectProvider<InFlightCalls> calls,
			ObjectProvider<LingeringCensus> census, ObjectProvider<ShutdownCoordinator> coordinator) {
		this.clientCalls = new ClientBeanCalls(pools, calls);
		this.poolBeans = new PoolBeans(pools, stopHooks);
		this.timerBeans = new TimerBeans(pools.stacks(), census, coordinator);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory configurable) ? configurable : null;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		if (applicationContext instanceof ConfigurableApplicationContext context) {
			this.failedStartup.watch(context);
			// its work on other beans shows in Boot's startup steps as its own
			this.startup = context.getApplicationStartup();
		}
	}

	/**
	 * Every bean gets a destruction callback: the first singleton destroyed after a
	 * failed refresh closes the participants before any other bean's destroy method runs,
	 * and an instance of a non-singleton bean lets go of its participant.
	 */
	@Override
	public boolean requiresDestruction(Object bean) {
		return true;
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		if (beanFactory == null) {
			return;
		}
		if (!isRegisteredSingleton(beanFactory, beanName)) {
			// a request-, session- or refresh-scoped bean, a prototype, destroyBean(...)
			this.poolBeans.release(bean);
			return;
		}
		try {
			this.failedStartup.runIfRefreshFailed(beanFactory);
		}
		catch (RuntimeException ex) {
			logger.warn("Closing the participants after a failed startup failed", ex);
		}
		// a pool a bean owns closes with its bean, before the bean's own destroy method
		try {
			this.poolBeans.closeWith(bean, beanFactory);
		}
		catch (RuntimeException ex) {
			logger.warn("Closing the pool of bean '" + beanName + "' with its bean failed", ex);
		}
	}

	/**
	 * Spring destroys this post-processor after every bean created later than it, which
	 * is every ordinary bean: the application's own shutdown work is done, and the pools
	 * no bean owns close now ({@link LateStages}).
	 */
	@Override
	public void destroy() {
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		if (beanFactory == null) {
			return;
		}
		ExistingBeans.find(beanFactory, LateStages.class).ifPresent(LateStages::run);
	}

	/**
	 * Whether a bean being destroyed is a singleton of this factory: Spring removes a
	 * singleton from the registry only after its destruction. By name: Spring destroys
	 * the instance it created, which a post-processor may have replaced in the registry
	 * (a client rebuilt to be tracked).
	 */
	private boolean isRegisteredSingleton(ConfigurableListableBeanFactory beanFactory, String beanName) {
		return beanFactory.containsSingleton(beanName) && !ClientPools.Owner.isNonSingleton(beanFactory, beanName);
	}

	@Override
	public Object getEarlyBeanReference(Object bean, String beanName) {
		Object processed = process(bean, beanName);
		if (processed != bean) {
			logger.debug("Bean '" + beanName + "' is tracked through its early reference");
		}
		this.earlyReferences.put(beanName, bean);
		return processed;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// taken early for a circular reference: processed then, and Spring uses that one
		if (this.earlyReferences.remove(beanName) == bean) {
			return bean;
		}
		return process(bean, beanName);
	}

	private Object process(Object bean, String beanName) {
		StartupStep step = this.startup.start("cleanup.beans.post-process").tag("beanName", beanName);
		try {
			return processBean(bean, beanName);
		}
		finally {
			step.end();
		}
	}

	private Object processBean(Object bean, String beanName) {
		Object result = bean;
		try {
			result = this.clientCalls.track(bean, beanName, this.beanFactory);
			result = this.poolBeans.register(bean, result, beanName, this.beanFactory);
		}
		catch (RuntimeException ex) {
			// never fail an application for its clients: it runs as plain Boot would
			logger.warn("Could not track the calls of bean '" + beanName + "' (" + bean.getClass().getName()
					+ "); it is left as it is", ex);
		}
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		if (beanFactory != null) {
			this.poolBeans.closeBeforeItStops(bean, beanName, beanFactory);
		}
		this.timerBeans.add(bean, beanName);
		return result;
	}

}
