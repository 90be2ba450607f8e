package dev.cleanup.shapes;

import java.util.regex.Pattern;

/**
 * A library a shape may lack, by the artifact names of its jars (and of the Boot modules
 * and starters that exist only for it), on any Boot line.
 *
 * @author cleanup contributors
 */
enum Library {

	/**
	 * Spring MVC and its servlet container.
	 */
	WEB_MVC("spring-webmvc|spring-boot-webmvc|spring-boot-starter-webmvc|spring-boot-starter-web"
			+ "|spring-boot-starter-tomcat.*|tomcat-embed-.*|spring-boot-tomcat|spring-boot-servlet"),

	/**
	 * WebFlux, with Boot's WebClient support.
	 */
	WEB_FLUX("spring-webflux|spring-boot-webflux|spring-boot-webclient|spring-boot-starter-webflux"
			+ "|spring-boot-starter-webclient|jetty-reactive-httpclient"),

	/**
	 * Reactor Netty and Netty.
	 */
	REACTOR_NETTY("reactor-netty.*|spring-boot-reactor-netty|spring-boot-starter-reactor-netty|netty-.*"),

	/**
	 * Reactor itself: nothing reactive at all.
	 */
	REACTOR("reactor-core|reactive-streams|spring-boot-reactor"),

	/**
	 * Apache HttpClient 5, and Feign's transport on it.
	 */
	HTTP_CLIENT_5("httpclient5|httpcore5.*|feign-hc5"),

	/**
	 * Jetty's client.
	 */
	JETTY("jetty-.*"),

	/**
	 * OpenFeign.
	 */
	OPEN_FEIGN("feign-.*|spring-cloud-openfeign-.*|spring-cloud-starter-openfeign"),

	/**
	 * Every part of Spring Cloud.
	 */
	SPRING_CLOUD("spring-cloud-.*|feign-.*"),

	/**
	 * Spring Batch.
	 */
	SPRING_BATCH("spring-batch-.*|spring-boot-batch.*|spring-boot-starter-batch"),

	/**
	 * Actuator.
	 */
	ACTUATOR("spring-boot-actuator.*|spring-boot-starter-actuator|spring-boot-health"),

	/**
	 * Micrometer's meters (its observation API stays: Spring's web modules need it).
	 */
	METERS("micrometer-core|micrometer-jakarta9|HdrHistogram|LatencyUtils|spring-boot-micrometer-metrics"
			+ "|spring-boot-micrometer-observation|spring-boot-starter-micrometer-metrics"),

	/**
	 * Spring's web and HTTP support itself: no HTTP client at all.
	 */
	SPRING_WEB("spring-web|spring-boot-restclient|spring-boot-http-client|spring-boot-http-converter"
			+ "|spring-boot-http-codec|spring-boot-web-server|spring-boot-starter-restclient");

	private final Pattern artifacts;

	Library(String artifacts) {
		this.artifacts = Pattern.compile(artifacts);
	}

	/**
	 * Whether a jar of this library has the given artifact name.
	 * @param artifact the artifact name of a jar
	 * @return whether it is one of this library's
	 */
	boolean owns(String artifact) {
		return this.artifacts.matcher(artifact).matches();
	}

}
