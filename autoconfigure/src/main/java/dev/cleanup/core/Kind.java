package dev.cleanup.core;

/**
 * The kind of a participant: which client stack it belongs to.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public enum Kind {

	/**
	 * Reactor Netty connection providers, loop resources and clients.
	 */
	REACTOR_NETTY("reactor-netty"),

	/**
	 * Apache HttpClient 5, classic and async, and their connection managers.
	 */
	APACHE_HTTPCLIENT5("apache-httpclient5"),

	/**
	 * The JDK's {@code java.net.http.HttpClient}.
	 */
	JDK_HTTPCLIENT("jdk-httpclient"),

	/**
	 * Jetty 12's {@code HttpClient}.
	 */
	JETTY_HTTPCLIENT("jetty-httpclient"),

	/**
	 * Anything registered through the programmatic API.
	 */
	CUSTOM("custom");

	private final String displayName;

	Kind(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * Return the name shown in reports, meters and the endpoint.
	 * @return for example {@code jetty-httpclient}
	 */
	public String displayName() {
		return this.displayName;
	}

}
