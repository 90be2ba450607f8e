package dev.cleanup.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Which client libraries are on the class path. The JDK's client is always there.
 *
 * @param apache whether Apache HttpClient 5 is present
 * @param jetty whether Jetty's client is present
 * @param reactor whether Reactor Netty's HTTP client is present
 * @param reactive whether Spring's reactive client support (connectors) is usable
 * @author cleanup contributors
 */
record ClientLibraries(boolean apache, boolean jetty, boolean reactor, boolean reactive) {

	static final String APACHE_CLIENT = "org.apache.hc.client5.http.impl.classic.CloseableHttpClient";

	static final String JETTY_CLIENT = "org.eclipse.jetty.client.HttpClient";

	static final String REACTOR_CLIENT = "reactor.netty.http.client.HttpClient";

	static final String REACTIVE_CONNECTOR = "org.springframework.http.client.reactive.ClientHttpConnector";

	static final String MONO = "reactor.core.publisher.Mono";

	static ClientLibraries on(@Nullable ClassLoader classLoader) {
		return new ClientLibraries(ClassUtils.isPresent(APACHE_CLIENT, classLoader),
				ClassUtils.isPresent(JETTY_CLIENT, classLoader), ClassUtils.isPresent(REACTOR_CLIENT, classLoader),
				ClassUtils.isPresent(REACTIVE_CONNECTOR, classLoader) && ClassUtils.isPresent(MONO, classLoader));
	}

}
