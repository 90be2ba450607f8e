package dev.cleanup.autoconfigure;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Installs the Reactor scheduler decorator that lets the starter count delayed tasks such
 * as {@code Mono.timeout}. Reactor applies decorators only to executors created after
 * them, hence this early hook rather than a bean. Spring Boot 3.5 reads
 * {@code Boot35ReactorSchedulersDecoratorInstaller} instead.
 *
 * @author cleanup contributors
 */
class ReactorSchedulersDecoratorInstaller implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ReactorSchedulersDecorator.install(environment);
	}

}
