package dev.cleanup.autoconfigure;

import dev.cleanup.core.ShutdownCoordinator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnsupportedBootLineAutoConfiguration}: on a Boot line older than 3.5,
 * without the classes the starter keys on, nothing of the starter is active and one WARN
 * says so. The lines served are tried in the compatibility modules.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsupportedBootLineAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleanupAutoConfiguration.class, CleanupEndpointAutoConfiguration.class,
				CleanupMetricsAutoConfiguration.class, UnsupportedBootLineAutoConfiguration.class));

	@Test
	void onALineItDoesNotServeNothingIsActiveAndOneWarningNamesTheBootVersion(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BootLines.BOOT_35_OR_LATER)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ShutdownCoordinator.class);
			assertThat(context.getBeansOfType(SmartLifecycle.class).keySet())
				.noneMatch((name) -> name.startsWith("cleanup"));
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN"))).singleElement()
			.asString()
			.contains("cleanup-spring-boot-starter is inactive")
			.contains("runs Spring Boot " + SpringBootVersion.getVersion())
			.contains("logging.level.dev.cleanup.Compatibility=error");
	}

	@Test
	void onALineItServesNoWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ShutdownCoordinator.class));
		assertThat(output).doesNotContain("inactive");
	}

	@Test
	void disabledSaysNothing(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader(BootLines.BOOT_35_OR_LATER))
			.withPropertyValues("cleanup.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("inactive");
	}

}
