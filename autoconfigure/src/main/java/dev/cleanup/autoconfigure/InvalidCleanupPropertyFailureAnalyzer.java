package dev.cleanup.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidCleanupPropertyException} with the property to change.
 *
 * @author cleanup contributors
 */
class InvalidCleanupPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCleanupPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCleanupPropertyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Update the property '" + cause.getProperty() + "': " + cause.getAction(), cause);
	}

}
