package dev.cleanup.autoconfigure;

import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownCoordinator.ShutdownState;
import dev.cleanup.test.ClassPathWithout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's whole set of auto-configurations, with every optional library it knows
 * removed from the class path, each on its own and all at once, as an application without
 * them has it: a real application (every auto-configuration on the reduced class path, a
 * web server where one is left) starts, has the starter's engine, and closes through its
 * stages. Unlike Boot's {@code FilteredClassLoader}, the reduced class loader hides the
 * libraries from the starter's own classes too, which is how a missing library fails an
 * application.
 *
 * @author cleanup contributors
 */
class OptionalLibrariesTests {

	private static final String WEB_FLUX = "spring-webflux spring-boot-webflux spring-boot-webclient "
			+ "spring-boot-starter-webflux spring-boot-starter-webclient jetty-reactive-httpclient";

	private static final String REACTOR_NETTY = "reactor-netty-core reactor-netty-http spring-boot-reactor-netty "
			+ "spring-boot-starter-reactor-netty";

	private static final String HTTP_CLIENT_5 = "httpclient5 httpcore5 httpcore5-h2 httpcore5-reactive";

	private static final String JETTY = "jetty-client jetty-alpn-client jetty-compression-common "
			+ "jetty-compression-gzip jetty-http jetty-io jetty-util jetty-reactive-httpclient";

	private static final String FEIGN = "feign-core";

	private static final String ACTUATOR = "spring-boot-actuator spring-boot-actuator-autoconfigure "
			+ "spring-boot-starter-actuator spring-boot-health";

	/**
	 * Micrometer's meters; its observation API stays, which Spring's web modules need.
	 */
	private static final String MICROMETER = "micrometer-core micrometer-jakarta9 spring-boot-micrometer-metrics "
			+ "spring-boot-micrometer-observation spring-boot-starter-micrometer-metrics HdrHistogram";

	private static final String WEB_MVC = "spring-webmvc spring-boot-webmvc spring-boot-starter-webmvc "
			+ "spring-boot-servlet spring-boot-tomcat spring-boot-starter-tomcat spring-boot-starter-tomcat-runtime "
			+ "tomcat-embed-core tomcat-embed-el tomcat-embed-websocket";

	private static final String SPRING_WEB = "spring-web spring-boot-restclient spring-boot-http-client "
			+ "spring-boot-http-converter spring-boot-http-codec spring-boot-web-server spring-boot-starter-restclient";

	private static final String REACTOR = "reactor-core reactive-streams spring-boot-reactor";

	@ParameterizedTest(name = "without {1}")
	@CsvSource(delimiter = '|', value = { WEB_FLUX + "| WebFlux", REACTOR_NETTY + "| Reactor Netty",
			WEB_FLUX + " " + REACTOR_NETTY + " " + REACTOR + "| anything reactive", HTTP_CLIENT_5 + "| HttpClient 5",
			JETTY + "| Jetty", FEIGN + "| OpenFeign", ACTUATOR + "| actuator",
			ACTUATOR + " " + MICROMETER + "| actuator and Micrometer", WEB_MVC + "| Spring MVC",
			WEB_MVC + " " + WEB_FLUX + "| a web server",
			WEB_MVC + " " + WEB_FLUX + " " + SPRING_WEB + " " + REACTOR_NETTY + " " + HTTP_CLIENT_5 + " " + JETTY + " "
					+ FEIGN + "| any HTTP client",
			WEB_MVC + " " + WEB_FLUX + " " + SPRING_WEB + " " + REACTOR_NETTY + " " + REACTOR + " " + HTTP_CLIENT_5
					+ " " + JETTY + " " + FEIGN + " " + ACTUATOR + " " + MICROMETER + "| every optional library" })
	@ClassPathWithout(fromFirstArgument = true)
	void applicationStartsAndClosesThroughTheStages(String removed, String description) throws Exception {
		disableTomcatUrlHandlers();
		ConfigurableApplicationContext context = new SpringApplication(Application.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
				"--management.endpoints.web.exposure.include=cleanup");
		ShutdownCoordinator coordinator;
		try {
			assertThat(context.isActive()).isTrue();
			coordinator = context.getBean(ShutdownCoordinator.class);
			assertThat(coordinator.state()).isEqualTo(ShutdownState.RUNNING);
			assertThat(context.containsBean("cleanupClients"))
				.isEqualTo(isPresent("org.springframework.web.client.RestClient"));
			assertThat(context.containsBean("cleanupWebClients"))
				.isEqualTo(isPresent("org.springframework.web.reactive.function.client.WebClient"));
			assertThat(context.containsBean("cleanupEndpoint"))
				.isEqualTo(isPresent("org.springframework.boot.actuate.endpoint.annotation.Endpoint"));
		}
		finally {
			context.close();
		}
		assertThat(coordinator.state()).isEqualTo(ShutdownState.CLOSED);
	}

	/**
	 * Each reduced class loader loads Tomcat anew, and a Tomcat registers its URL stream
	 * handlers JVM-wide unless told not to: only the first one may.
	 */
	private static void disableTomcatUrlHandlers() throws ReflectiveOperationException {
		String factory = "org.apache.catalina.webresources.TomcatURLStreamHandlerFactory";
		if (isPresent(factory)) {
			ClassUtils.forName(factory, OptionalLibrariesTests.class.getClassLoader())
				.getMethod("disable")
				.invoke(null);
		}
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, OptionalLibrariesTests.class.getClassLoader());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
