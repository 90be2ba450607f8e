package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.instrument.ClientPools;

import dev.cleanup.core.ShutdownCoordinator;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Acts on the context's own refresh and close. Once refreshed, the stages' phase timeouts
 * are raised and the startup warnings logged. The close marks the start of shutdown, from
 * which the drain deadline counts: the event comes before any lifecycle bean stops, so
 * the drain overlaps the web server's own. From its creation on, the context counts as
 * {@linkplain RunningContexts running}.
 *
 * @author cleanup contributors
 */
public final class CleanupContextListener implements ApplicationListener<ApplicationContextEvent> {

	private final ApplicationContext context;

	private final ShutdownCoordinator coordinator;

	private final ShutdownPhaseTimeouts phaseTimeouts;

	private final StartupWarnings startupWarnings;

	private final ClientPools pools;

	public CleanupContextListener(ApplicationContext context, ShutdownCoordinator coordinator,
			ShutdownPhaseTimeouts phaseTimeouts, StartupWarnings startupWarnings, ClientPools pools) {
		this.context = context;
		this.coordinator = coordinator;
		this.phaseTimeouts = phaseTimeouts;
		this.startupWarnings = startupWarnings;
		this.pools = pools;
		// a context not started by SpringApplication counts from here
		if (context instanceof ConfigurableApplicationContext configurable) {
			RunningContexts.add(configurable);
		}
	}

	@Override
	public void onApplicationEvent(ApplicationContextEvent event) {
		// a child context's events reach its parent's listeners too
		if (event.getApplicationContext() != this.context) {
			return;
		}
		if (event instanceof ContextRefreshedEvent) {
			this.pools.registerSharedPoolsInUse();
			this.phaseTimeouts.apply();
			this.startupWarnings.log();
		}
		else if (event instanceof ContextClosedEvent) {
			this.coordinator.startShutdown();
			// shared pools created since, by clients the starter never saw built
			this.pools.registerSharedPoolsInUse();
		}
	}

}
