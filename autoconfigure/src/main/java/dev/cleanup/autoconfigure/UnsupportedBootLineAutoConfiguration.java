package dev.cleanup.autoconfigure;

import dev.cleanup.client.Compatibility;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for a Spring Boot line the starter
 * does not serve: it does nothing at all (no stage, no disposal, no endpoint), so that
 * shutdown stays exactly plain Boot's, and says so once.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnMissingClass(BootLines.BOOT_35_OR_LATER)
@ConditionalOnProperty(name = "cleanup.enabled", havingValue = "true", matchIfMissing = true)
final class UnsupportedBootLineAutoConfiguration {

	@Bean
	static SmartInitializingSingleton cleanupUnsupportedBootLineWarning() {
		return () -> Compatibility.switchedOff(
				"cleanup-spring-boot-starter is inactive: nothing is drained, "
						+ "closed or reported by it, and shutdown is plain Spring Boot's",
				"it serves " + BootLines.SERVED + ", and this application runs Spring Boot "
						+ SpringBootVersion.getVersion(),
				"Use a Spring Boot line it serves, or remove the dependency; cleanup.enabled=false turns it off");
	}

}
