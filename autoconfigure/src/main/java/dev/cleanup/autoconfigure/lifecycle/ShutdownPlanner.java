package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.cleanup.core.Participant;
import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.plan.ShutdownPlan;
import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Computes the application's {@link ShutdownPlan} from the properties, the participants
 * known now and Boot's own lifecycle settings: the one place the stages and the budget
 * are worked out. The endpoint reads the plan through it as a {@link Supplier}.
 *
 * @author cleanup contributors
 */
public final class ShutdownPlanner implements Supplier<ShutdownPlan> {

	/**
	 * Spring Boot's default for {@code spring.lifecycle.timeout-per-shutdown-phase}.
	 */
	static final Duration BOOT_DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * The web server context type of Spring Boot 4, then of Spring Boot 3.5.
	 */
	private static final List<String> WEB_SERVER_CONTEXTS = List.of(
			"org.springframework.boot.web.server.context.WebServerApplicationContext",
			"org.springframework.boot.web.context.WebServerApplicationContext");

	private final CleanupProperties properties;

	private final ShutdownCoordinator coordinator;

	private final ApplicationContext context;

	/**
	 * The coordinator's policy, made from the same properties.
	 */
	private final ParticipantPolicy policy;

	public ShutdownPlanner(CleanupProperties properties, ShutdownCoordinator coordinator, ApplicationContext context) {
		this.properties = properties;
		this.coordinator = coordinator;
		this.context = context;
		this.policy = ParticipantPolicyFactory.create(properties);
	}

	/**
	 * Return the plan as it stands now.
	 * @return the plan
	 */
	@Override
	public ShutdownPlan get() {
		return plan();
	}

	/**
	 * Return the plan as it stands now.
	 * @return the plan
	 */
	public ShutdownPlan plan() {
		List<ShutdownPlan.PlannedStage> stages = new ArrayList<>();
		ParticipantPolicy policy = this.policy;
		for (CleanupStage stage : CleanupStage.values()) {
			Stage closing = stage.stage();
			Duration timeout = (closing != null && closing.closesParticipants()) ? policy.stageTimeout(closing)
					: stage.timeout(this.properties);
			stages.add(new ShutdownPlan.PlannedStage(stage.configName(), stage.phase(this.properties), timeout));
		}
		TerminationGracePeriod gracePeriod = gracePeriod();
		return new ShutdownPlan(policy, stages, budget(), (gracePeriod != null) ? gracePeriod.duration() : null,
				(gracePeriod != null) ? gracePeriod.source() : null, this.properties.getPreStopDelay());
	}

	/**
	 * Return the grace period in force: set, or assumed for the platform.
	 * @return the grace period, or {@code null} if none is known
	 */
	@Nullable TerminationGracePeriod gracePeriod() {
		return TerminationGracePeriod.resolve(this.properties, this.context.getEnvironment());
	}

	/**
	 * Return the worst-case budget as it stands now.
	 * @return the budget
	 */
	ShutdownBudget budget() {
		List<Participant> participants = this.coordinator.registry().participants();
		ParticipantPolicy policy = this.policy;
		Duration drain = this.properties.getDrain().getTimeout();
		return new ShutdownBudget(inboundDrain(), drain, policy.slowest(Stage.CLOSE, participants),
				policy.slowest(Stage.DISPOSE, participants), longestAllowance(drain));
	}

	/**
	 * Return the longest allowance of a call in flight at shutdown: the drain timeout, or
	 * a {@code resources.<name>.timeout} that is longer (it says how long that
	 * participant's calls may take).
	 */
	private Duration longestAllowance(Duration drain) {
		Duration longest = drain;
		for (CleanupProperties.Resource resource : this.properties.getResources().values()) {
			Duration own = resource.getTimeout();
			if (own != null && own.compareTo(longest) > 0) {
				longest = own;
			}
		}
		return longest;
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

	private Duration inboundDrain() {
		if (!isWebServerContext()) {
			return Duration.ZERO;
		}
		Environment environment = this.context.getEnvironment();
		String shutdown = environment.getProperty("server.shutdown", "graceful");
		return "immediate".equalsIgnoreCase(shutdown.trim()) ? Duration.ZERO : phaseTimeout();
	}

	private boolean isWebServerContext() {
		ClassLoader classLoader = getClass().getClassLoader();
		for (String type : WEB_SERVER_CONTEXTS) {
			if (ClassUtils.isPresent(type, classLoader)
					&& ClassUtils.resolveClassName(type, classLoader).isInstance(this.context)) {
				return true;
			}
		}
		return false;
	}

}
