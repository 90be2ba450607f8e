package dev.cleanup.shapes;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.cleanup.shapes.batchjdk.JdkBatchJobApplication;
import dev.cleanup.shapes.batchjetty.JettyBatchJobApplication;
import dev.cleanup.shapes.feign.FeignServiceApplication;
import dev.cleanup.shapes.goodbye.GoodbyeApplication;
import dev.cleanup.shapes.mvcjdk.MvcJdkClientApplication;
import dev.cleanup.shapes.noactuator.NoActuatorServiceApplication;
import dev.cleanup.shapes.plain.PlainApplication;
import dev.cleanup.shapes.scoped.ScopedServiceApplication;
import dev.cleanup.shapes.webflux.WebFluxApplication;
import dev.cleanup.shapes.webresttemplate.RestTemplateServiceApplication;

import static dev.cleanup.shapes.Library.ACTUATOR;
import static dev.cleanup.shapes.Library.HTTP_CLIENT_5;
import static dev.cleanup.shapes.Library.JETTY;
import static dev.cleanup.shapes.Library.METERS;
import static dev.cleanup.shapes.Library.OPEN_FEIGN;
import static dev.cleanup.shapes.Library.REACTOR;
import static dev.cleanup.shapes.Library.REACTOR_NETTY;
import static dev.cleanup.shapes.Library.SPRING_BATCH;
import static dev.cleanup.shapes.Library.SPRING_CLOUD;
import static dev.cleanup.shapes.Library.SPRING_WEB;
import static dev.cleanup.shapes.Library.WEB_FLUX;
import static dev.cleanup.shapes.Library.WEB_MVC;

/**
 * One shape of application: its main class, the libraries it lacks (left out of its
 * line's class path), what it is (a service that answers requests and is stopped by
 * SIGTERM, or a job that ends by itself) and the arguments it needs.
 *
 * @author cleanup contributors
 */
enum Shape {

	/**
	 * Spring MVC, actuator and Boot's RestClient on the JDK client, nothing reactive.
	 */
	MVC_JDK_CLIENT("MVC + RestClient on the JDK client", MvcJdkClientApplication.class, Kind.SERVICE,
			EnumSet.of(WEB_FLUX, REACTOR_NETTY, REACTOR, HTTP_CLIENT_5, JETTY, SPRING_CLOUD, SPRING_BATCH),
			"factory=jdk"),

	/**
	 * A servlet service with Boot's RestTemplateBuilder on HttpClient 5, nothing
	 * reactive.
	 */
	REST_TEMPLATE_HTTP_CLIENT_5("web + RestTemplateBuilder on HttpClient 5", RestTemplateServiceApplication.class,
			Kind.SERVICE, EnumSet.of(WEB_FLUX, REACTOR_NETTY, REACTOR, JETTY, SPRING_CLOUD, SPRING_BATCH)),

	/**
	 * WebFlux only, WebClient on Reactor Netty.
	 */
	WEB_FLUX_ONLY("WebFlux + WebClient on Reactor Netty", WebFluxApplication.class, Kind.SERVICE,
			EnumSet.of(WEB_MVC, HTTP_CLIENT_5, JETTY, SPRING_CLOUD, SPRING_BATCH)),

	/**
	 * A batch job, no web server, the RestClient starter on Jetty.
	 */
	BATCH_JETTY("batch job, RestClient on Jetty", JettyBatchJobApplication.class, Kind.JOB,
			EnumSet.of(WEB_MVC, WEB_FLUX, REACTOR_NETTY, REACTOR, HTTP_CLIENT_5, SPRING_CLOUD, SPRING_BATCH, ACTUATOR,
					METERS),
			"factory=jetty"),

	/**
	 * A batch job, no web server, on the JDK client with an executor of its own.
	 */
	BATCH_JDK_EXECUTOR("batch job, JDK client on its own executor", JdkBatchJobApplication.class, Kind.JOB,
			EnumSet.of(WEB_MVC, WEB_FLUX, REACTOR_NETTY, REACTOR, HTTP_CLIENT_5, JETTY, SPRING_CLOUD, SPRING_BATCH,
					ACTUATOR, METERS)),

	/**
	 * No HTTP client at all: {@code spring-boot-starter} only.
	 */
	NO_HTTP_CLIENT("no HTTP client (spring-boot-starter only)", PlainApplication.class, Kind.JOB,
			EnumSet.of(WEB_MVC, WEB_FLUX, REACTOR_NETTY, REACTOR, HTTP_CLIENT_5, JETTY, SPRING_CLOUD, SPRING_BATCH,
					ACTUATOR, METERS, SPRING_WEB)),

	/**
	 * A Spring MVC service without actuator.
	 */
	NO_ACTUATOR("MVC + RestClient on HttpClient 5, no actuator", NoActuatorServiceApplication.class, Kind.SERVICE,
			EnumSet.of(ACTUATOR, METERS, WEB_FLUX, REACTOR_NETTY, REACTOR, JETTY, SPRING_CLOUD, SPRING_BATCH)),

	/**
	 * OpenFeign without WebFlux, on Feign's default client.
	 */
	OPEN_FEIGN_DEFAULT("OpenFeign on Feign's default client, no WebFlux", FeignServiceApplication.class, Kind.SERVICE,
			EnumSet.of(WEB_FLUX, REACTOR_NETTY, HTTP_CLIENT_5, JETTY, SPRING_BATCH)),

	/**
	 * OpenFeign without WebFlux, on feign-hc5.
	 */
	OPEN_FEIGN_HC5("OpenFeign on feign-hc5, no WebFlux", FeignServiceApplication.class, Kind.SERVICE,
			EnumSet.of(WEB_FLUX, REACTOR_NETTY, JETTY, SPRING_BATCH)),

	/**
	 * A running service whose request-, session-, refresh- (and on Boot 4 step-) scoped
	 * beans Spring destroys while it runs.
	 */
	SCOPED_BEANS("request, session, refresh and step scopes", ScopedServiceApplication.class, Kind.SCOPED_SERVICE,
			EnumSet.of(WEB_FLUX, REACTOR_NETTY, JETTY, OPEN_FEIGN)),

	/**
	 * Goodbye calls from the application's own shutdown work (a phase-0 SmartLifecycle, a
	 * Lifecycle, {@code @PreDestroy}, a DisposableBean, an inferred {@code close()}),
	 * through Boot's RestClient on HttpClient 5, Boot's WebClient on Reactor Netty, a
	 * hand-built RestClient bean and OpenFeign.
	 */
	GOODBYE_HTTP_CLIENT_5("goodbye calls, RestClient on HttpClient 5", GoodbyeApplication.class, Kind.GOODBYE,
			EnumSet.of(WEB_MVC, JETTY, SPRING_BATCH), "factory=http-components"),

	/**
	 * The same goodbye calls, Boot's RestClient on Jetty.
	 */
	GOODBYE_JETTY("goodbye calls, RestClient on Jetty", GoodbyeApplication.class, Kind.GOODBYE,
			EnumSet.of(WEB_MVC, HTTP_CLIENT_5, SPRING_BATCH), "factory=jetty"),

	/**
	 * The same goodbye calls, Boot's RestClient on the JDK client.
	 */
	GOODBYE_JDK_CLIENT("goodbye calls, RestClient on the JDK client", GoodbyeApplication.class, Kind.GOODBYE,
			EnumSet.of(WEB_MVC, HTTP_CLIENT_5, JETTY, SPRING_BATCH), "factory=jdk"),

	/**
	 * A goodbye call in a {@code @PreDestroy} method, on the closing thread, to an
	 * upstream that never answers.
	 */
	GOODBYE_STUCK("goodbye call to a stuck upstream in @PreDestroy", GoodbyeApplication.class, Kind.GOODBYE_STUCK,
			EnumSet.of(WEB_MVC, JETTY, SPRING_BATCH), "factory=http-components");

	private final String description;

	private final Class<?> mainClass;

	private final Kind kind;

	private final Set<Library> lacks;

	private final List<String> requestFactory;

	Shape(String description, Class<?> mainClass, Kind kind, Set<Library> lacks, String... requestFactory) {
		this.description = description;
		this.mainClass = mainClass;
		this.kind = kind;
		this.lacks = lacks;
		this.requestFactory = List.of(requestFactory);
	}

	String description() {
		return this.description;
	}

	Class<?> mainClass() {
		return this.mainClass;
	}

	Kind kind() {
		return this.kind;
	}

	Set<Library> lacks() {
		return this.lacks;
	}

	/**
	 * Return the arguments that choose the request factory of Boot's builders, with the
	 * line's property name.
	 * @param property the line's property that chooses it
	 * @return the arguments, none where Boot's own choice is the shape's
	 */
	List<String> requestFactoryArguments(String property) {
		return this.requestFactory.stream().map((value) -> "--" + property + "=" + value.substring(8)).toList();
	}

	/**
	 * What a shape is, which decides how it is run.
	 */
	enum Kind {

		/**
		 * Answers requests and is stopped by SIGTERM.
		 */
		SERVICE,

		/**
		 * A service that also runs the scoped requests, a refresh and a job.
		 */
		SCOPED_SERVICE,

		/**
		 * Ends by itself.
		 */
		JOB,

		/**
		 * Ends by itself, saying goodbye over HTTP while its context closes.
		 */
		GOODBYE,

		/**
		 * Ends by itself, once its goodbye call to a stuck upstream was cut.
		 */
		GOODBYE_STUCK;

		/**
		 * Whether a shape of this kind ends by itself, without SIGTERM.
		 * @return whether it ends by itself
		 */
		boolean endsByItself() {
			return this == JOB || this == GOODBYE || this == GOODBYE_STUCK;
		}

		boolean saysGoodbye() {
			return this == GOODBYE || this == GOODBYE_STUCK;
		}

	}

}
