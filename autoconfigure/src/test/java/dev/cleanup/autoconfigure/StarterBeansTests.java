package dev.cleanup.autoconfigure;

import java.util.Arrays;
import java.util.List;

import dev.cleanup.test.ClientAutoConfigurations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter adds to an application with Boot's RestClient and WebClient, the
 * endpoint and the meters: at most 15 beans a user sees (those Boot's {@code beans}
 * endpoint lists), its machinery in Boot's infrastructure role.
 *
 * @author cleanup contributors
 */
class StarterBeansTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with(CleanupEndpointAutoConfiguration.class,
				CleanupMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		// a service without Spring Cloud: OpenFeign's tracking adds its own bean and
		// configuration
		.withClassLoader(new FilteredClassLoader("feign.", "dev.cleanup.client.feign."))
		.withPropertyValues("management.endpoints.web.exposure.include=cleanup");

	@Test
	void addsAtMost15BeansAUserSees() {
		this.contextRunner.run((context) -> {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			List<String> listed = starterBeans(beanFactory).stream()
				.filter((name) -> beanFactory.getBeanDefinition(name).getRole() != BeanDefinition.ROLE_INFRASTRUCTURE)
				.toList();
			assertThat(listed).as("the starter's beans a user sees").hasSizeLessThanOrEqualTo(15);
			assertThat(listed).contains("cleanupParticipantRegistry", "cleanupShutdownCoordinator", "cleanupDrainStage",
					"cleanupClients", "cleanupWebClients", "cleanupEndpoint", "cleanupMetrics");
		});
	}

	/**
	 * The family beans follow the context's class loader, as the class conditions of
	 * Boot's own auto-configurations do: a test that hides WebFlux gets no WebClient
	 * beans of the starter.
	 */
	@Test
	void familyBeansFollowTheContextsClassLoader() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("feign.", "dev.cleanup.client.feign.",
					"org.springframework.web.reactive.", "org.springframework.boot.webclient."))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasBean("cleanupClients").hasBean("cleanupRestClientTracking");
				assertThat(context).doesNotHaveBean("cleanupWebClients").doesNotHaveBean("cleanupWebClientTracking");
			});
	}

	private static List<String> starterBeans(ConfigurableListableBeanFactory beanFactory) {
		return Arrays.stream(beanFactory.getBeanDefinitionNames()).filter((name) -> {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			Class<?> type = beanFactory.getType(name, false);
			String typeName = (type != null) ? type.getName() : String.valueOf(definition.getBeanClassName());
			return name.startsWith("cleanup") || typeName.startsWith("dev.cleanup.autoconfigure")
					|| typeName.startsWith("dev.cleanup.actuate");
		}).toList();
	}

}
