package dev.cleanup.autoconfigure.instrument;

import java.util.Optional;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds a bean that exists already, without creating one: while Spring destroys
 * singletons (a close, or a failed refresh), no bean may be created, and a bean of the
 * starter's may not have been created before the refresh failed.
 *
 * @author cleanup contributors
 */
public final class ExistingBeans {

	private ExistingBeans() {
	}

	/**
	 * Return a singleton of a type that exists already.
	 * @param <T> the type
	 * @param factory the bean factory
	 * @param type the type
	 * @return the bean, or empty if none was created
	 */
	public static <T> Optional<T> find(ConfigurableListableBeanFactory factory, Class<T> type) {
		for (String name : factory.getBeanNamesForType(type, false, false)) {
			if (factory.containsSingleton(name)) {
				return Optional.of(factory.getBean(name, type));
			}
		}
		return Optional.empty();
	}

}
