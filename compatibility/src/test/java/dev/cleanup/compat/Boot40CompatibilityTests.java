package dev.cleanup.compat;

/**
 * The starter on Spring Boot 4.0.x, with the library versions that line manages
 * (HttpClient 5.5.2, which lacks {@code HttpClientBuilder.getConnManager()}): it starts,
 * drains and closes every stack, with nothing switched off.
 *
 * @author cleanup contributors
 */
class Boot40CompatibilityTests extends ServedLineTests {

	@Override
	String requestFactoryProperty() {
		return "spring.http.clients.imperative.factory";
	}

	@Override
	String connectorProperty() {
		return "spring.http.clients.reactive.connector";
	}

}
