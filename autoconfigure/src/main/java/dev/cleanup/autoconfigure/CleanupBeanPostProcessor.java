package dev.cleanup.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.cleanup.client.Pool;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ScheduledExecutorTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.lingering.TimeoutTaskSource;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
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
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The starter's one bean post-processor. Beans that are pools of a client stack become
 * participants named after their beans; client beans (RestClient, RestTemplate,
 * WebClient, a stack's own clients such as a Reactor Netty {@code HttpClient}) have their
 * calls tracked on their pool, named after the bean; builder beans the application
 * defines track every client they build; schedulers and timers become sources of timeout
 * tasks.
 * <p>
 * A bean is replaced only after its initialization, or, where another bean took it early
 * for a circular reference, when that early reference is taken, so that every bean sees
 * the same instance. Singletons live as long as their context, so they are held strongly;
 * instances of non-singleton beans are held weakly and let go of when Spring destroys
 * them. When the context's refresh fails, the first singleton destroyed closes the
 * participants created so far ({@link FailedStartupShutdown}).
 *
 * @author cleanup contributors
 */
final class CleanupBeanPostProcessor implements SmartInstantiationAwareBeanPostProcessor,
		DestructionAwareBeanPostProcessor, BeanFactoryAware, ApplicationContextAware, DisposableBean {

	private static final Log logger = LogFactory.getLog(CleanupBeanPostProcessor.class);

	private static final boolean REST_CLIENT = ClassUtils.isPresent("org.springframework.web.client.RestClient",
			CleanupBeanPostProcessor.class.getClassLoader());

	private static final boolean WEB_CLIENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClient",
			CleanupBeanPostProcessor.class.getClassLoader());

	private static final boolean REST_TEMPLATE_BUILDER = ClassUtils.isPresent(
			"org.springframework.boot.restclient.RestTemplateBuilder", CleanupBeanPostProcessor.class.getClassLoader());

	private final ClientPools pools;

	private final ResourceStopHooks stopHooks;

	private final ObjectProvider<InFlightCalls> calls;

	private final ObjectProvider<TimeoutTaskCensus> census;

	private final ObjectProvider<ShutdownCoordinator> coordinator;

	private final Map<String, Object> earlyReferences = new ConcurrentHashMap<>();

	private final FailedStartupShutdown failedStartup = new FailedStartupShutdown();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	CleanupBeanPostProcessor(ClientPools pools, ResourceStopHooks stopHooks, ObjectProvider<InFlightCalls> calls,
			ObjectProvider<TimeoutTaskCensus> census, ObjectProvider<ShutdownCoordinator> coordinator) {
		this.pools = pools;
		this.stopHooks = stopHooks;
		this.calls = calls;
		this.census = census;
		this.coordinator = coordinator;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ConfigurableListableBeanFactory configurable) ? configurable : null;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		if (applicationContext instanceof ConfigurableApplicationContext context) {
			this.failedStartup.watch(context);
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
			this.pools.release(bean);
			return;
		}
		try {
			this.failedStartup.runIfRefreshFailed(beanFactory);
		}
		catch (RuntimeException ex) {
			logger.warn("Closing the participants after a failed startup failed", ex);
		}
		// a pool a bean owns closes with its bean, before the bean's own destroy method
		String participant = this.pools.participantOf(bean);
		if (participant != null) {
			try {
				ExistingBeans.find(beanFactory, ShutdownCoordinator.class)
					.ifPresent((coordinator) -> coordinator.closeNow(participant));
			}
			catch (RuntimeException ex) {
				logger.warn("Closing participant '" + participant + "' with its bean failed", ex);
			}
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
		return beanFactory.containsSingleton(beanName) && !isNonSingleton(beanName);
	}

	/**
	 * Whether a bean being created is an instance of a non-singleton bean definition
	 * (request, session, refresh or job scope, a prototype), of which the application may
	 * create any number while it runs.
	 */
	private boolean isNonSingleton(String beanName) {
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		return beanFactory != null && beanFactory.containsBeanDefinition(beanName)
				&& !beanFactory.getMergedBeanDefinition(beanName).isSingleton();
	}

	private ClientPools.Owner owner(Object bean, String beanName) {
		return isNonSingleton(beanName) ? ClientPools.Owner.nonSingletonBean(beanName, bean)
				: ClientPools.Owner.bean(beanName, bean);
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
		Object result = bean;
		try {
			result = trackCalls(bean, beanName);
			Pool pool = this.pools.stacks().poolOfBean(bean);
			if (pool != null) {
				TrackedClient client = this.pools.registerBean(pool, owner(bean, beanName));
				if (result == bean) {
					Object tracked = this.pools.stacks().withCallTracking(bean, this.pools.callTracking(client));
					result = (tracked != null) ? tracked : bean;
				}
			}
		}
		catch (RuntimeException ex) {
			// never fail an application for its clients: it runs as plain Boot would
			logger.warn("Could not track the calls of bean '" + beanName + "' (" + bean.getClass().getName()
					+ "); it is left as it is", ex);
		}
		Runnable beforeStop = this.pools.stacks().beforeStopOf(bean);
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		if (beforeStop != null && beanFactory != null) {
			this.stopHooks.add(beforeStop);
			// Spring stops a bean's dependents right before the bean
			beanFactory.registerDependentBean(beanName, ResourceStopHooks.BEAN_NAME);
		}
		TimeoutTaskSource timer = timerSource(bean, beanName);
		if (timer != null) {
			this.census.getObject().addSource(timer);
		}
		return result;
	}

	private Object trackCalls(Object bean, String beanName) {
		if (REST_CLIENT) {
			if (bean instanceof RestClient client) {
				return imperative().restClient(client, owner(bean, beanName));
			}
			if (bean instanceof RestTemplate template) {
				imperative().restTemplate(template, owner(bean, beanName));
				return bean;
			}
			if (bean instanceof RestClient.Builder builder) {
				return imperative().restClientBuilder(builder);
			}
		}
		if (REST_TEMPLATE_BUILDER && isRestTemplateBuilder(bean)) {
			return RestTemplateBuilders.tracked((org.springframework.boot.restclient.RestTemplateBuilder) bean,
					imperative());
		}
		if (WEB_CLIENT) {
			if (bean instanceof WebClient client) {
				return reactive().webClient(client, owner(bean, beanName));
			}
			if (bean instanceof WebClient.Builder builder) {
				return reactive().webClientBuilder(builder);
			}
		}
		return bean;
	}

	private static boolean isRestTemplateBuilder(Object bean) {
		return bean instanceof org.springframework.boot.restclient.RestTemplateBuilder;
	}

	private ClientInstrumentation imperative() {
		return new ClientInstrumentation(this.pools, this.calls.getObject());
	}

	private WebClientInstrumentation reactive() {
		return new WebClientInstrumentation(this.pools, this.calls.getObject());
	}

	private @Nullable TimeoutTaskSource timerSource(Object bean, String beanName) {
		if (bean instanceof ThreadPoolTaskScheduler scheduler) {
			return new ScheduledExecutorTaskSource(beanName, scheduler::getScheduledThreadPoolExecutor);
		}
		if (bean instanceof ScheduledThreadPoolExecutor executor) {
			return new ScheduledExecutorTaskSource(beanName, executor);
		}
		// a timer's tasks linger once its context closes
		return this.pools.stacks().timerSourceOf(bean, beanName, () -> this.coordinator.getObject().isShuttingDown());
	}

}
