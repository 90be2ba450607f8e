package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.instrument.ExistingBeans;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;

/**
 * Shuts the starter's participants down when the context's refresh failed. Spring then
 * publishes no close event and stops no stage (a failure before the lifecycle beans
 * started), or stops them while the context is not closing (a web server whose port is in
 * use), so the stages do nothing; it only destroys beans. The first bean destroyed runs
 * this, before any other bean's destroy method: the stages in their order with their
 * deadlines, the report, and the exit watchdog, whose {@code exit} action ends the JVM
 * with status 1, so that pools that were created before the failure cannot keep the JVM
 * alive.
 *
 * @author cleanup contributors
 */
final class FailedStartupShutdown implements ApplicationListener<ContextRefreshedEvent> {

	private static final Log logger = LogFactory.getLog(FailedStartupShutdown.class);

	/**
	 * The status the exit watchdog ends the JVM with after a failed startup.
	 */
	static final int EXIT_STATUS = 1;

	private final AtomicBoolean ran = new AtomicBoolean();

	private volatile boolean refreshed;

	private volatile @Nullable ApplicationContext watched;

	/**
	 * Watch a context's refresh: once it completed ({@link ContextRefreshedEvent}), no
	 * destruction of a bean is a failed startup any more, and a running application
	 * destroys beans all the time (request, session and refresh scopes, Spring Batch's
	 * step and job scopes, prototypes, {@code destroyBean}).
	 * @param context the context whose refresh to watch
	 */
	void watch(ConfigurableApplicationContext context) {
		this.watched = context;
		context.addApplicationListener(this);
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		// a child context's events reach its parent's listeners too
		if (event.getApplicationContext() == this.watched) {
			this.refreshed = true;
		}
	}

	/**
	 * Run, once, if the context's refresh failed after participants were registered: a
	 * singleton is being destroyed while the refresh has not completed, and no shutdown
	 * started. The starter's beans that were not created yet (a user bean that failed
	 * early) are stood in for: no bean may be created while singletons are being
	 * destroyed.
	 * @param factory the context's bean factory, destroying one of its singletons
	 */
	void runIfRefreshFailed(ConfigurableListableBeanFactory factory) {
		if (this.refreshed || !factory.containsSingleton("cleanupParticipantRegistry")
				|| !this.ran.compareAndSet(false, true)) {
			return;
		}
		ParticipantRegistry registry = factory.getBean("cleanupParticipantRegistry", ParticipantRegistry.class);
		ShutdownCoordinator coordinator = coordinator(factory, registry);
		if (coordinator.isShuttingDown()) {
			// a normal close: the stages ran
			return;
		}
		logger.warn("Application context failed to start: closing the " + registry.participants().size()
				+ " participant(s) created so far before any bean is destroyed");
		coordinator.startShutdown();
		coordinator.drain();
		coordinator.close(Stage.CLOSE);
		coordinator.close(Stage.DISPOSE);
		new ShutdownReportLogger(coordinator, ExistingBeans.find(factory, LingeringCensus.class)
			.orElseGet(() -> new LingeringCensus(new TimeoutTaskCensus(() -> true)))).run();
		CleanupProperties.Watchdog watchdog = properties(factory).getWatchdog();
		if (watchdog.isEnabled()) {
			LateStages.startExitWatchdog(watchdog, EXIT_STATUS, factory);
		}
	}

	private static ShutdownCoordinator coordinator(ConfigurableListableBeanFactory factory,
			ParticipantRegistry registry) {
		Optional<ShutdownCoordinator> existing = ExistingBeans.find(factory, ShutdownCoordinator.class);
		if (existing.isPresent()) {
			return existing.get();
		}
		CleanupProperties properties = properties(factory);
		ShutdownCoordinator coordinator = new ShutdownCoordinator(registry, ParticipantPolicyFactory.create(properties),
				properties.getDrain().getTimeout());
		ExistingBeans.find(factory, InFlightCalls.class).ifPresent((calls) -> {
			coordinator.addInFlightSource(calls);
		});
		return coordinator;
	}

	private static CleanupProperties properties(ConfigurableListableBeanFactory factory) {
		return ExistingBeans.find(factory, CleanupProperties.class).orElseGet(() -> {
			Environment environment = factory.getBean(Environment.class);
			CleanupProperties properties = Binder.get(environment)
				.bind("cleanup", CleanupProperties.class)
				.orElseGet(CleanupProperties::new);
			CleanupPropertiesValidator.validate(properties);
			return properties;
		});
	}

}
