package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.lifecycle.ShutdownPlanner;

import java.util.Set;

import dev.cleanup.actuate.CleanupEndpoint;
import dev.cleanup.actuate.PendingWork;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CleanupEndpointAutoConfiguration}, as Boot tests its own endpoints'
 * auto-configurations.
 *
 * @author cleanup contributors
 */
class CleanupEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(CleanupAutoConfiguration.class, CleanupEndpointAutoConfiguration.class));

	@Test
	void endpointIsAutoConfiguredWhenExposedOverTheWeb() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=cleanup")
			.run((context) -> assertThat(context).hasSingleBean(CleanupEndpoint.class));
	}

	@Test
	void endpointIsNotAutoConfiguredWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(CleanupEndpoint.class));
	}

	@Test
	void endpointCanBeDisabled() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=cleanup",
					"management.endpoint.cleanup.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(CleanupEndpoint.class));
	}

	@Test
	void endpointIsAutoConfiguredWhenExposedOverJmxOnly() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=cleanup")
			.run((context) -> assertThat(context).hasSingleBean(CleanupEndpoint.class));
	}

	@Test
	void endpointIsNotAutoConfiguredWithoutTheStarter() {
		this.contextRunner
			.withPropertyValues("cleanup.enabled=false", "management.endpoints.web.exposure.include=cleanup")
			.run((context) -> assertThat(context).doesNotHaveBean(CleanupEndpoint.class));
	}

	@Test
	void endpointBacksOffWhenTheUserProvidesOne() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=cleanup")
			.withUserConfiguration(UserEndpointConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(CleanupEndpoint.class)
				.getBean(CleanupEndpoint.class)
				.isSameAs(context.getBean(UserEndpointConfiguration.class).endpoint));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpointConfiguration {

		CleanupEndpoint endpoint;

		@Bean
		CleanupEndpoint userCleanupEndpoint(ShutdownCoordinator coordinator, InFlightCalls calls,
				LingeringCensus lingering, CleanupProperties properties, ApplicationContext context) {
			ShutdownPlanner planner = new ShutdownPlanner(properties, coordinator, context);
			this.endpoint = new CleanupEndpoint(coordinator, calls, new PendingWork(lingering), planner::plan,
					Show.ALWAYS, Set.of());
			return this.endpoint;
		}

	}

}
