package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.client.PrivateField;

/**
 * The request factory fields of Spring's RestClient builder and RestTemplate, which offer
 * no getter that returns the factory as given: read when a builder is tracked and when a
 * client is adopted, declared once.
 *
 * @author cleanup contributors
 */
public final class RequestFactoryFields {

	private static final String OFF = "Calls of RestClients and RestTemplates whose request factory cannot be read "
			+ "are tracked, but not on their pools, which are not closed by the starter";

	static final PrivateField REST_CLIENT_BUILDER = new PrivateField(
			"org.springframework.web.client.DefaultRestClientBuilder", "requestFactory", OFF);

	static final PrivateField REST_TEMPLATE = new PrivateField("org.springframework.http.client.support.HttpAccessor",
			"requestFactory", OFF);

	private RequestFactoryFields() {
	}

}
