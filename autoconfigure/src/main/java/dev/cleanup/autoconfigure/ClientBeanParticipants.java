package dev.cleanup.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import dev.cleanup.core.Teardown;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers client beans as participants named after their beans, one bean post-processor
 * for every client type of every stack on the class path. Beans live as long as their
 * context, so they are held strongly. A client built from Boot's builders while the bean
 * is created (a WebClient using Boot's connector bean) is tracked under the bean's name.
 *
 * @author cleanup contributors
 */
final class ClientBeanParticipants implements BeanPostProcessor {

	private final ObjectProvider<PoolCaptures> captures;

	private final List<ClientBeanType<?>> types = new ArrayList<>();

	ClientBeanParticipants(ObjectProvider<PoolCaptures> captures) {
		this.captures = captures;
	}

	/**
	 * Register every bean of a type as a participant.
	 * @param <T> the client type
	 * @param type the client type
	 * @param kind the participants' kind
	 * @param stage the stage they close in
	 * @param adapter creates a bean's teardown from the bean and its tracked calls
	 */
	<T> void add(Class<T> type, Kind kind, Stage stage, BiFunction<T, InFlightSource, Teardown> adapter) {
		add(type, (bean, beanName, captures) -> captures.registerBean(beanName, kind, stage, bean, adapter));
	}

	/**
	 * Handle every bean of a type in a way of its own.
	 * @param <T> the client type
	 * @param type the client type
	 * @param registration what to do with each bean
	 */
	<T> void add(Class<T> type, Registration<T> registration) {
		this.types.add(new ClientBeanType<>(type, registration));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		for (ClientBeanType<?> type : this.types) {
			type.registerIfMatching(bean, beanName, this.captures);
		}
		return bean;
	}

	/**
	 * What to do with a client bean of one type.
	 *
	 * @param <T> the client type
	 */
	@FunctionalInterface
	interface Registration<T> {

		void register(T bean, String beanName, PoolCaptures captures);

	}

	private record ClientBeanType<T>(Class<T> type, Registration<T> registration) {

		void registerIfMatching(Object bean, String beanName, ObjectProvider<PoolCaptures> captures) {
			if (this.type.isInstance(bean)) {
				this.registration.register(this.type.cast(bean), beanName, captures.getObject());
			}
		}

	}

}
