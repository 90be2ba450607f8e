package dev.cleanup.testing.suite;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The contexts the suite's classes were given, so that the last class can show which of
 * them Spring's test context cache kept.
 *
 * @author cleanup contributors
 */
final class SuiteContexts {

	static final AtomicReference<ConfigurableApplicationContext> first = new AtomicReference<>();

	static final AtomicReference<ConfigurableApplicationContext> closed = new AtomicReference<>();

	private SuiteContexts() {
	}

	static String hello(ConfigurableApplicationContext context, int port) {
		return context.getBean(RestClient.Builder.class)
			.build()
			.get()
			.uri("http://127.0.0.1:" + port + "/hello")
			.retrieve()
			.body(String.class);
	}

}
