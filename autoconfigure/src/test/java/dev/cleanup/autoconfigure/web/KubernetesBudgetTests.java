package dev.cleanup.autoconfigure.web;

import java.util.List;
import java.util.Map;

import dev.cleanup.actuate.CleanupEndpoint;
import dev.cleanup.autoconfigure.CleanupEndpointAutoConfiguration;
import dev.cleanup.test.ClientAutoConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budget check on Kubernetes: with no grace period set, Kubernetes' default of 30 s
 * is assumed, which a default web application's shutdown exceeds (Boot's inbound drain
 * alone fills it), and one WARN says so with the numbers; set high enough, or on no
 * platform, nothing is said. The endpoint shows where the grace period in force comes
 * from.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class KubernetesBudgetTests {

	private static final String ASSUMED = "exceeds the 30000 ms Kubernetes allows a pod by default";

	private final ApplicationContextRunner webApplication = new ApplicationContextRunner(
			AnnotationConfigServletWebServerApplicationContext::new)
		.withConfiguration(ClientAutoConfigurations.with(CleanupEndpointAutoConfiguration.class))
		.withConfiguration(AutoConfigurations.of(TomcatServletWebServerAutoConfiguration.class))
		.withPropertyValues("server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=cleanup");

	@Test
	void onKubernetesByPropertyADefaultWebApplicationGetsOneWarningWithTheNumbers(CapturedOutput output) {
		this.webApplication.withPropertyValues("spring.main.cloud-platform=kubernetes").run((context) -> {
			assertThat(context).hasNotFailed();
			CleanupEndpoint.BudgetDescriptor budget = budget(context.getBean(CleanupEndpoint.class));
			assertThat(budget.terminationGracePeriodMs()).isEqualTo(30_000);
			assertThat(budget.terminationGracePeriodSource()).isEqualTo("kubernetes-default");
			assertThat(budget.withinGracePeriod()).isFalse();
		});
		assertThat(warnings(output)).singleElement()
			.asString()
			.contains("Worst-case shutdown of 42200 ms " + ASSUMED)
			.contains("max(inbound drain 30000 ms, outbound drain 10000 ms)")
			.contains("terminationGracePeriodSeconds")
			.contains("cleanup.termination-grace-period")
			.contains("cleanup.pre-stop-delay")
			.contains("spring.lifecycle.timeout-per-shutdown-phase");
	}

	@Test
	void onKubernetesDetectedFromItsServiceVariablesTheSameWarning(CapturedOutput output) {
		this.webApplication
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"))))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(warnings(output)).singleElement().asString().contains(ASSUMED);
	}

	@Test
	void onKubernetesWithAGracePeriodSetHighEnoughNothingIsSaid(CapturedOutput output) {
		this.webApplication
			.withPropertyValues("spring.main.cloud-platform=kubernetes", "cleanup.termination-grace-period=60s")
			.run((context) -> {
				CleanupEndpoint.BudgetDescriptor budget = budget(context.getBean(CleanupEndpoint.class));
				assertThat(budget.terminationGracePeriodMs()).isEqualTo(60_000);
				assertThat(budget.terminationGracePeriodSource()).isEqualTo("cleanup.termination-grace-period");
				assertThat(budget.withinGracePeriod()).isTrue();
			});
		assertThat(output).doesNotContain("Worst-case shutdown").doesNotContain("Pre-stop delay");
	}

	@Test
	void aPreStopDelayCountsAgainstTheGracePeriod(CapturedOutput output) {
		this.webApplication
			.withPropertyValues("spring.main.cloud-platform=kubernetes", "cleanup.termination-grace-period=45s",
					"cleanup.pre-stop-delay=10s")
			.run((context) -> {
				CleanupEndpoint.BudgetDescriptor budget = budget(context.getBean(CleanupEndpoint.class));
				assertThat(budget.preStopDelayMs()).isEqualTo(10_000);
				assertThat(budget.withinGracePeriod()).isFalse();
			});
		assertThat(output).contains(
				"Pre-stop delay of 10000 ms plus a worst-case shutdown of 42200 ms exceeds cleanup.termination-grace-period of 45000 ms");
	}

	@Test
	void onNoPlatformNothingIsAssumedOrSaid(CapturedOutput output) {
		this.webApplication.withPropertyValues("spring.main.cloud-platform=none").run((context) -> {
			CleanupEndpoint.BudgetDescriptor budget = budget(context.getBean(CleanupEndpoint.class));
			assertThat(budget.terminationGracePeriodMs()).isNull();
			assertThat(budget.terminationGracePeriodSource()).isNull();
			assertThat(budget.withinGracePeriod()).isNull();
		});
		assertThat(output).doesNotContain("Worst-case shutdown");
	}

	private static CleanupEndpoint.BudgetDescriptor budget(CleanupEndpoint endpoint) {
		return endpoint.cleanup(SecurityContext.NONE).budget();
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains("Worst-case shutdown")).toList();
	}

}
