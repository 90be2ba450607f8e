package dev.cleanup.autoconfigure;

import java.time.Duration;

import dev.cleanup.core.ShutdownBudget;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Computes the application's {@link ShutdownBudget} from the properties, the participants
 * known now and Boot's own lifecycle settings.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class ShutdownBudgetCalculator {

	/**
	 * Spring Boot's default for {@code spring.lifecycle.timeout-per-shutdown-phase}.
	 */
	static final Duration BOOT_DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

	private static final String WEB_SERVER_CONTEXT = "org.springframework.boot.web.server.context.WebServerApplicationContext";

	private final CleanupProperties properties;

	private final ShutdownCoordinator coordinator;

	private final ApplicationContext context;

	/**
	 * Create a calculator.
	 * @param properties the starter's properties
	 * @param coordinator the coordinator, which knows the participants
	 * @param context the application context, whose environment holds Boot's settings
	 */
	public ShutdownBudgetCalculator(CleanupProperties properties, ShutdownCoordinator coordinator,
			ApplicationContext context) {
		this.properties = properties;
		this.coordinator = coordinator;
		this.context = context;
	}

	/**
	 * Return the budget as it stands now.
	 * @return the budget
	 */
	public ShutdownBudget calculate() {
		var participants = this.coordinator.registry().participants();
		var policy = this.coordinator.policy();
		return new ShutdownBudget(inboundDrain(), this.properties.getDrain().getTimeout(),
				policy.slowest(Stage.CLOSE, participants), policy.slowest(Stage.DISPOSE, participants));
	}

	/**
	 * Return the timeout Spring's lifecycle processor applies to each shutdown phase.
	 * @return the configured or default timeout per phase
	 */
	Duration phaseTimeout() {
		return Binder.get(this.context.getEnvironment())
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(BOOT_DEFAULT_PHASE_TIMEOUT);
	}

	/**
	 * Return the termination grace period, if configured.
	 * @return the period or {@code null}
	 */
	@Nullable Duration terminationGracePeriod() {
		return this.properties.getTerminationGracePeriod();
	}

	private Duration inboundDrain() {
		if (!isWebServerContext()) {
			return Duration.ZERO;
		}
		Environment environment = this.context.getEnvironment();
		String shutdown = environment.getProperty("server.shutdown", "graceful");
		return "immediate".equalsIgnoreCase(shutdown.trim()) ? Duration.ZERO : phaseTimeout();
	}

	private boolean isWebServerContext() {
		if (!ClassUtils.isPresent(WEB_SERVER_CONTEXT, getClass().getClassLoader())) {
			return false;
		}
		return ClassUtils.resolveClassName(WEB_SERVER_CONTEXT, getClass().getClassLoader()).isInstance(this.context);
	}

}
