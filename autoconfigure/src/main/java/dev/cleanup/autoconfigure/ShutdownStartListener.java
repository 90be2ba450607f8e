package dev.cleanup.autoconfigure;

import dev.cleanup.core.ShutdownCoordinator;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Marks the start of shutdown, from which the drain deadline counts. The event comes
 * before any lifecycle bean stops, so the drain overlaps the web server's own.
 *
 * @author cleanup contributors
 */
final class ShutdownStartListener implements ApplicationListener<ContextClosedEvent> {

	private final ShutdownCoordinator coordinator;

	private final ApplicationContext context;

	ShutdownStartListener(ShutdownCoordinator coordinator, ApplicationContext context) {
		this.coordinator = coordinator;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		// A child context's event reaches its parent's listeners too
		if (event.getApplicationContext() == this.context) {
			this.coordinator.startShutdown();
		}
	}

}
