package dev.cleanup.autoconfigure.instrument;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Work to do right before Spring stops a bean that disposes a client stack's resources
 * itself when it stops (Spring's {@code ReactorResourceFactory}). The bean post-processor
 * makes this bean depend on each such bean, and Spring stops a bean's dependents right
 * before the bean, whatever their phase: so this runs right before the first of them
 * stops, after the application's own work of higher phases. It acts only while its
 * context is closing.
 *
 * @author cleanup contributors
 */
public final class ResourceStopHooks implements SmartLifecycle {

	/**
	 * This bean's name, which the beans it runs before depend on.
	 */
	public static final String BEAN_NAME = "cleanupResourceStopHooks";

	private static final Log logger = LogFactory.getLog(ResourceStopHooks.class);

	private final ConfigurableApplicationContext context;

	private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

	private volatile boolean running = true;

	public ResourceStopHooks(ConfigurableApplicationContext context) {
		this.context = context;
	}

	void add(Runnable hook) {
		this.hooks.add(hook);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (!this.context.isClosed()) {
			return;
		}
		for (Runnable hook : this.hooks) {
			try {
				hook.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Closing a resource's connection pools before it stops failed: " + ex);
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isPauseable() {
		return false;
	}

	/**
	 * The last phase: it stops earlier only as a dependent of a bean it runs before.
	 */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

}
