package dev.cleanup.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that finds outbound HTTP client
 * pools, one configuration per client stack on the class path: beans of the known client
 * types, and the pools Boot's builders create without exposing them as beans.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = CleanupAutoConfiguration.class)
@ConditionalOnBean(PoolCaptures.class)
@Import({ ApacheClientsConfiguration.class, JettyClientsConfiguration.class, JdkClientsConfiguration.class,
		ReactorClientsConfiguration.class, ReactiveWebRequestFactoryConfiguration.class })
public final class CleanupClientsAutoConfiguration {

}
