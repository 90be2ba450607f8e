package dev.cleanup.autoconfigure.clients;

import java.lang.reflect.ReflectPermission;
import java.security.Permission;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * An application, run in a child JVM, in which the starter cannot read the private fields
 * of Spring's builders, as if Spring had renamed them: a security manager refuses the
 * starter's {@code setAccessible} while it tracks a builder (and nothing else). It makes
 * background calls through a RestClient from Boot's builder, on Apache HttpClient, and
 * waits for SIGTERM.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class UnreadableFieldsApplication {

	/**
	 * Not a bean: background work Spring does not know of.
	 */
	private final ExecutorService background = Executors.newCachedThreadPool();

	@SuppressWarnings("removal") // Java 17's security manager: the one way to refuse
									// reflection to one class
	public static void main(String[] args) {
		System.setSecurityManager(new SecurityManager() {

			@Override
			public void checkPermission(Permission permission) {
				// no lambda here: linking one asks for this very permission
				if (permission instanceof ReflectPermission && "suppressAccessChecks".equals(permission.getName())
						&& calledFrom("dev.cleanup.autoconfigure.instrument.BuilderTracking")) {
					throw new SecurityException("private fields are not readable in this test");
				}
			}

		});
		new SpringApplicationBuilder(UnreadableFieldsApplication.class).web(WebApplicationType.NONE).run(args);
	}

	private static boolean calledFrom(String className) {
		for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
			if (frame.getClassName().equals(className)) {
				return true;
			}
		}
		return false;
	}

	@Bean
	ApplicationRunner backgroundCalls(RestClient.Builder restClients, @Value("${upstream}") String upstream,
			@Value("${calls}") int calls) {
		return (arguments) -> {
			RestClient client = restClients.build();
			for (int i = 0; i < calls; i++) {
				this.background.submit(() -> {
					try {
						client.get().uri(upstream).retrieve().body(String.class);
						System.out.println("Background call completed");
					}
					catch (RuntimeException ex) {
						System.out.println("Background call failed: " + ex);
					}
				});
			}
			System.out.println("Background calls started");
		};
	}

}
