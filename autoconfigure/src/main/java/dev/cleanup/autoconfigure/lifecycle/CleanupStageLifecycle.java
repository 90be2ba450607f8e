package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;
import dev.cleanup.autoconfigure.instrument.ClientPools;
import dev.cleanup.core.ShutdownCoordinator;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The drain stage as a {@link SmartLifecycle} bean: waits for the calls in flight, then
 * tells each client stack they have drained. It acts only while its context is closing:
 * {@code stop()} for a restart, {@code pause()} or a checkpoint leave every pool alone.
 * The work runs on a daemon thread of its own and the callback always runs.
 *
 * @author cleanup contributors
 */
public final class CleanupStageLifecycle implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(CleanupStageLifecycle.class);

	private static final CleanupStage STAGE = CleanupStage.DRAIN;

	private final int phase;

	private final ShutdownCoordinator coordinator;

	private final ClientPools pools;

	private final ConfigurableApplicationContext context;

	private final AtomicBoolean done = new AtomicBoolean();

	public CleanupStageLifecycle(CleanupProperties properties, ShutdownCoordinator coordinator, ClientPools pools,
			ConfigurableApplicationContext context) {
		this.phase = properties.getDrain().getPhase();
		this.coordinator = coordinator;
		this.pools = pools;
		this.context = context;
	}

	@Override
	public void start() {
		// Nothing to start: a stage is armed from creation until its context closes
	}

	@Override
	public void stop() {
		if (shouldAct()) {
			runWork();
		}
	}

	@Override
	public void stop(Runnable callback) {
		if (!shouldAct()) {
			callback.run();
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				runWork();
			}
			finally {
				callback.run();
			}
		}, "cleanup-" + STAGE.configName());
		thread.setDaemon(true);
		thread.start();
	}

	private boolean shouldAct() {
		return this.context.isClosed() && this.done.compareAndSet(false, true);
	}

	private void runWork() {
		try {
			this.coordinator.drain();
			// what each stack does once calls in flight at shutdown have drained
			this.pools.stacks().drained();
		}
		catch (Throwable ex) {
			logger.error("Cleanup stage '" + STAGE.configName() + "' failed", ex);
		}
	}

	/**
	 * Stays running until its context has closed, so that a {@code stop()} then
	 * {@code close()} still runs the stage.
	 */
	@Override
	public boolean isRunning() {
		return !this.done.get();
	}

	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	CleanupStage getStage() {
		return STAGE;
	}

}
