package dev.cleanup.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code ReactorSchedulersDecoratorInstaller} under Spring Boot 3.5's
 * {@code EnvironmentPostProcessor} type and {@code spring.factories} key. Spring Boot 4
 * still reads that key, so both may run: installing is idempotent.
 *
 * @author cleanup contributors
 */
@SuppressWarnings("removal") // deprecated for removal in Boot 4, which still reads its key
class Boot35ReactorSchedulersDecoratorInstaller implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ReactorSchedulersDecorator.install(environment);
	}

}
