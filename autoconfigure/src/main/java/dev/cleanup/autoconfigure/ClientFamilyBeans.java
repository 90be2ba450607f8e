package dev.cleanup.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the beans of each client family whose library is on the class path: the
 * tracking customizer of Boot's builders and the adopt API ({@link CleanupClients},
 * {@link CleanupWebClients}). By class name, so that a family's types are only loaded
 * where it is present, and as plain bean definitions rather than a nested configuration
 * per family, which would be a bean of its own.
 *
 * @author cleanup contributors
 */
class ClientFamilyBeans implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {

	private static final String INSTRUMENT = "dev.cleanup.autoconfigure.instrument.";

	private @Nullable ClassLoader classLoader;

	/**
	 * The context's class loader, which Boot's class conditions ask too (a test may
	 * filter it).
	 */
	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		ClassLoader classLoader = this.classLoader;
		if (present(classLoader, "org.springframework.web.client.RestClient")) {
			register(registry, "cleanupClients", "dev.cleanup.autoconfigure.CleanupClients");
			if (present(classLoader, "org.springframework.boot.restclient.RestClientCustomizer")) {
				register(registry, "cleanupRestClientTracking", INSTRUMENT + "RestClientsTracking");
			}
		}
		if (present(classLoader, "org.springframework.web.reactive.function.client.WebClient")) {
			register(registry, "cleanupWebClients", "dev.cleanup.autoconfigure.CleanupWebClients");
			if (present(classLoader, "org.springframework.boot.webclient.WebClientCustomizer")) {
				register(registry, "cleanupWebClientTracking", INSTRUMENT + "WebClientsTracking");
			}
		}
	}

	private static boolean present(@Nullable ClassLoader classLoader, String className) {
		return ClassUtils.isPresent(className, classLoader);
	}

	private static void register(BeanDefinitionRegistry registry, String name, String className) {
		if (!registry.containsBeanDefinition(name)) {
			registry.registerBeanDefinition(name,
					BeanDefinitionBuilder.genericBeanDefinition(className)
						.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR)
						.getBeanDefinition());
		}
	}

}
