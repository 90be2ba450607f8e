package dev.cleanup.autoconfigure;

import java.util.function.BiFunction;

import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import dev.cleanup.core.Teardown;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers every bean of one client type as a participant named after the bean. Beans
 * live as long as their context, so they are held strongly. A client built from Boot's
 * builders while the bean is created (a WebClient using Boot's connector bean) is
 * tracked under the bean's name.
 *
 * @param <T> the client type
 * @author cleanup contributors
 */
final class ClientBeanParticipants<T> implements BeanPostProcessor {

	private final Class<T> type;

	private final Kind kind;

	private final Stage stage;

	private final BiFunction<T, InFlightSource, Teardown> adapter;

	private final ObjectProvider<PoolCaptures> captures;

	ClientBeanParticipants(Class<T> type, Kind kind, Stage stage, BiFunction<T, InFlightSource, Teardown> adapter,
			ObjectProvider<PoolCaptures> captures) {
		this.type = type;
		this.kind = kind;
		this.stage = stage;
		this.adapter = adapter;
		this.captures = captures;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.type.isInstance(bean)) {
			this.captures.getObject()
				.registerBean(beanName, this.kind, this.stage, this.type.cast(bean), this.adapter);
		}
		return bean;
	}

}
