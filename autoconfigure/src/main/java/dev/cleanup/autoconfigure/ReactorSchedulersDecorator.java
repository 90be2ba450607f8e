package dev.cleanup.autoconfigure;

import dev.cleanup.lingering.ReactorSchedulerTaskSource;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Installs the Reactor scheduler decorator for the environment post-processors of every
 * Boot line, which differ only in the interface they implement.
 *
 * @author cleanup contributors
 */
final class ReactorSchedulersDecorator {

	private static final String SCHEDULERS = "reactor.core.scheduler.Schedulers";

	private ReactorSchedulersDecorator() {
	}

	/**
	 * Install the decorator, once however often called, unless the starter is turned off
	 * or Reactor is absent.
	 * @param environment the application's environment
	 */
	static void install(ConfigurableEnvironment environment) {
		boolean enabled = environment.getProperty("cleanup.enabled", Boolean.class, true);
		if (enabled && ClassUtils.isPresent(SCHEDULERS, ReactorSchedulersDecorator.class.getClassLoader())) {
			ReactorSchedulerTaskSource.install();
		}
	}

}
