package dev.cleanup.autoconfigure;

import dev.cleanup.actuate.CleanupMetrics;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.tracking.InFlightCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the starter's meters, bound by
 * Boot to every meter registry. {@code management.metrics.enable.cleanup=false} turns
 * them off.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = CleanupAutoConfiguration.class)
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean(ShutdownCoordinator.class)
public final class CleanupMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CleanupMetrics cleanupMetrics(ShutdownCoordinator coordinator, InFlightCalls calls, LingeringCensus lingering) {
		// the meters per timer are bound as the census learns of its sources
		return new CleanupMetrics(coordinator, calls, lingering.tasks());
	}

}
