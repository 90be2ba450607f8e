package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.lifecycle.CleanupPropertiesValidator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CleanupPropertiesValidator} and
 * {@link InvalidCleanupPropertyFailureAnalyzer}: every bad value stops startup with the
 * property named and what to write instead.
 *
 * @author cleanup contributors
 */
class CleanupPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleanupAutoConfiguration.class));

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					cleanup.drain.timeout                 | 0s          | must be positive            | positive duration
					cleanup.drain.timeout                 | -1s         | must be positive            | positive duration
					cleanup.close.timeout                 | -5s         | must be positive            | positive duration
					cleanup.dispose.timeout               | 0s          | must be positive            | positive duration
					cleanup.termination-grace-period      | 0s          | must be positive            | positive duration
					cleanup.resources.payments.timeout    | -2s         | must be positive            | positive duration
					cleanup.resources.payments.stage      | drain       | closes nothing              | write one of close, dispose
					cleanup.resources.payments.stage      | teardown    | no stage of that name       | write one of close, dispose
					""")
	void badValueStopsStartupNamingTheProperty(String property, String value, String reason, String action) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidCleanupPropertyException cause = findCause(failure);
			assertThat(cause.getProperty()).isEqualTo(property);
			assertThat(cause.getMessage()).contains(property).contains(value).contains(reason);
			FailureAnalysis analysis = new InvalidCleanupPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains(property).contains(reason);
			assertThat(analysis.getAction()).contains(property).contains(action);
		});
	}

	private static InvalidCleanupPropertyException findCause(Throwable failure) {
		Throwable candidate = failure;
		while (candidate != null) {
			if (candidate instanceof InvalidCleanupPropertyException invalid) {
				return invalid;
			}
			candidate = candidate.getCause();
		}
		throw new AssertionError("No InvalidCleanupPropertyException in " + failure, failure);
	}

}
