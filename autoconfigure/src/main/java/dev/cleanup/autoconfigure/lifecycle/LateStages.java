package dev.cleanup.autoconfigure.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleanup.autoconfigure.CleanupProperties;
import dev.cleanup.autoconfigure.instrument.ClientPools;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.ExitWatchdog;
import dev.cleanup.lingering.LingeringCensus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The stages that run after the application's own shutdown work: close, dispose and the
 * report. The application's goodbye calls (a {@code SmartLifecycle} or {@code Lifecycle}
 * that deregisters in {@code stop()}, a {@code @PreDestroy} or {@code DisposableBean}
 * that flushes a last batch) keep their clients, as in plain Boot, so the pools that no
 * bean owns close only once every ordinary bean has been destroyed: the starter's bean
 * post-processor runs these stages when Spring destroys it, after every bean created
 * later than it, that is every ordinary bean. Pools that a bean owns close earlier, when
 * Spring destroys that bean. Each close keeps its deadline, so the whole still ends
 * within the budget, before the context's {@code close()} returns.
 *
 * @author cleanup contributors
 */
public final class LateStages {

	private static final Log logger = LogFactory.getLog(LateStages.class);

	private final ShutdownCoordinator coordinator;

	private final ClientPools pools;

	private final LingeringCensus lingering;

	private final CleanupProperties.Watchdog watchdog;

	private final ConfigurableListableBeanFactory beanFactory;

	private final AtomicBoolean ran = new AtomicBoolean();

	public LateStages(ShutdownCoordinator coordinator, ClientPools pools, LingeringCensus lingering,
			CleanupProperties.Watchdog watchdog, ConfigurableListableBeanFactory beanFactory) {
		this.coordinator = coordinator;
		this.pools = pools;
		this.lingering = lingering;
		this.watchdog = watchdog;
		this.beanFactory = beanFactory;
	}

	/**
	 * Close, dispose, report and arm the exit watchdog, once, if the context is closing
	 * and no failed startup did so already.
	 */
	void run() {
		if (!this.coordinator.isShuttingDown() || this.coordinator.report() != null
				|| !this.ran.compareAndSet(false, true)) {
			return;
		}
		// shared pools the application's own shutdown work created again (Reactor Netty's
		// global resources, after Spring's factory disposed them)
		this.pools.registerSharedPoolsInUse();
		stage(Stage.CLOSE);
		stage(Stage.DISPOSE);
		// what only shutdown needs is loaded when it runs
		new ShutdownReportLogger(this.coordinator, this.lingering).run();
		// a JVM shutdown ends the process anyway: no watchdog to build
		if (this.watchdog.isEnabled() && !ExitWatchdog.isShutdownInProgress()) {
			startExitWatchdog(this.watchdog, 0, this.beanFactory);
		}
	}

	/**
	 * Start the exit watchdog the properties describe, standing down while another
	 * context runs: after the late stages, and after a failed startup.
	 * @param watchdog the watchdog's properties
	 * @param exitStatus the status it ends the JVM with when told to exit
	 * @param beanFactory the bean factory of the context that closed
	 */
	static void startExitWatchdog(CleanupProperties.Watchdog watchdog, int exitStatus,
			ConfigurableListableBeanFactory beanFactory) {
		new ExitWatchdog(watchdog.getGrace(), watchdog.getAction() == CleanupProperties.Watchdog.Action.EXIT,
				exitStatus, () -> RunningContexts.otherThan(beanFactory))
			.start();
	}

	private void stage(Stage stage) {
		try {
			this.coordinator.close(stage);
		}
		catch (RuntimeException ex) {
			logger.error("Cleanup stage '" + stage.configName() + "' failed", ex);
		}
	}

}
