package dev.cleanup.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@code cleanup} endpoint, as Boot's own endpoints
 * define theirs.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@ConfigurationProperties("management.endpoint.cleanup")
public class CleanupEndpointProperties {

	/**
	 * When to show query values of in-flight call URIs. User-info, fragments and
	 * path-parameter values are never shown, and logs, the shutdown report and meters
	 * always mask.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles used to determine whether a user is authorized to be shown query values. When
	 * empty, all authenticated users are authorized.
	 */
	private Set<String> roles = new HashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

}
