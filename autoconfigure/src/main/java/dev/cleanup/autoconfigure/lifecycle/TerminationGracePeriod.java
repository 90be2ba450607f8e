package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.core.env.Environment;

/**
 * The time the platform gives the application to shut down, and where it comes from:
 * {@code cleanup.termination-grace-period}, or, when that is not set and Spring Boot
 * detects Kubernetes (or {@code spring.main.cloud-platform} says so), Kubernetes' default
 * {@code terminationGracePeriodSeconds} of 30 s.
 *
 * @param duration the grace period
 * @param source {@link #SET} or {@link #KUBERNETES_DEFAULT}
 * @author cleanup contributors
 */
record TerminationGracePeriod(Duration duration, String source) {

	/**
	 * The source of a grace period the user set.
	 */
	static final String SET = "cleanup.termination-grace-period";

	/**
	 * The source of a grace period assumed because the application runs on Kubernetes.
	 */
	static final String KUBERNETES_DEFAULT = "kubernetes-default";

	/**
	 * Kubernetes' default {@code terminationGracePeriodSeconds}.
	 */
	static final Duration KUBERNETES = Duration.ofSeconds(30);

	/**
	 * Return the grace period in force.
	 * @param properties the starter's properties
	 * @param environment the environment, for the platform
	 * @return the grace period, or {@code null} if none is set and none can be assumed
	 */
	static @Nullable TerminationGracePeriod resolve(CleanupProperties properties, Environment environment) {
		Duration set = properties.getTerminationGracePeriod();
		if (set != null) {
			return new TerminationGracePeriod(set, SET);
		}
		return (CloudPlatform.getActive(environment) == CloudPlatform.KUBERNETES)
				? new TerminationGracePeriod(KUBERNETES, KUBERNETES_DEFAULT) : null;
	}

	boolean isAssumed() {
		return KUBERNETES_DEFAULT.equals(this.source);
	}

}
