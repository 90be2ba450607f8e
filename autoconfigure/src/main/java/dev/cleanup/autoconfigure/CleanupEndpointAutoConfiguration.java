package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.lifecycle.ShutdownPlanner;

import dev.cleanup.actuate.CleanupEndpoint;
import dev.cleanup.actuate.PendingWork;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link CleanupEndpoint}. The
 * endpoint gets plain values: what to show, and the shutdown plan from the one place that
 * computes it.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = CleanupAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(ShutdownCoordinator.class)
@ConditionalOnAvailableEndpoint(CleanupEndpoint.class)
@EnableConfigurationProperties(CleanupEndpointProperties.class)
public final class CleanupEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CleanupEndpoint cleanupEndpoint(ShutdownCoordinator coordinator, InFlightCalls calls, LingeringCensus lingering,
			CleanupProperties cleanupProperties, ApplicationContext context, CleanupEndpointProperties properties) {
		ShutdownPlanner planner = new ShutdownPlanner(cleanupProperties, coordinator, context);
		return new CleanupEndpoint(coordinator, calls, new PendingWork(lingering), planner, properties.getShowValues(),
				properties.getRoles());
	}

}
