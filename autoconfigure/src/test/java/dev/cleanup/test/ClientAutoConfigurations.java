package dev.cleanup.test;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * Boot's HTTP client auto-configurations plus the starter's, for context runners.
 *
 * @author cleanup contributors
 */
public final class ClientAutoConfigurations {

	private ClientAutoConfigurations() {
	}

	/**
	 * Return Boot's client auto-configurations with the starter's.
	 * @param starter the starter's further auto-configurations to include (actuator)
	 * @return the auto-configurations
	 */
	public static AutoConfigurations with(Class<?>... starter) {
		Class<?>[] boot = { LifecycleAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class,
				WebClientAutoConfiguration.class, CleanupAutoConfiguration.class };
		Class<?>[] all = new Class<?>[boot.length + starter.length];
		System.arraycopy(boot, 0, all, 0, boot.length);
		System.arraycopy(starter, 0, all, boot.length, starter.length);
		return AutoConfigurations.of(all);
	}

}
