package dev.cleanup.autoconfigure;

import dev.cleanup.lingering.ReactorSchedulerTaskSource;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Installs the Reactor scheduler decorator that lets the starter count delayed tasks such
 * as {@code Mono.timeout}. Reactor applies decorators only to executors created after
 * them, hence this early hook rather than a bean.
 *
 * @author cleanup contributors
 */
class ReactorSchedulersDecoratorInstaller implements EnvironmentPostProcessor {

	private static final String SCHEDULERS = "reactor.core.scheduler.Schedulers";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean enabled = environment.getProperty("cleanup.enabled", Boolean.class, true);
		if (enabled && ClassUtils.isPresent(SCHEDULERS, getClass().getClassLoader())) {
			ReactorSchedulerTaskSource.install();
		}
	}

}
