package dev.cleanup.compat;

/**
 * The starter on Spring Boot 3.5.x, whose builder customizers live in other packages: the
 * same jar tracks, drains and closes every stack there, with nothing switched off.
 *
 * @author cleanup contributors
 */
class Boot35CompatibilityTests extends ServedLineTests {

	@Override
	String requestFactoryProperty() {
		return "spring.http.client.factory";
	}

	@Override
	String connectorProperty() {
		return "spring.http.reactiveclient.connector";
	}

}
