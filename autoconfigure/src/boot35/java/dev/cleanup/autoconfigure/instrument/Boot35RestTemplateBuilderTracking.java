package dev.cleanup.autoconfigure.instrument;



import dev.cleanup.autoconfigure.lifecycle.CleanupBeanPostProcessor;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Tracks the RestTemplates a Spring Boot 3.5 {@link RestTemplateBuilder} bean builds,
 * Boot's or one the application defines, as {@code CleanupBeanPostProcessor} does for
 * Boot 4's builder: by one more customizer on the immutable builder.
 *
 * @author cleanup contributors
 */
public final class Boot35RestTemplateBuilderTracking implements BeanPostProcessor {

	private final ObjectProvider<ClientPools> pools;

	private final ObjectProvider<InFlightCalls> calls;

	public Boot35RestTemplateBuilderTracking(ObjectProvider<ClientPools> pools, ObjectProvider<InFlightCalls> calls) {
		this.pools = pools;
		this.calls = calls;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RestTemplateBuilder builder) {
			ClientInstrumentation instrumentation = new ClientInstrumentation(this.pools.getObject(),
					this.calls.getObject());
			return builder.additionalCustomizers(
					(template) -> instrumentation.restTemplate(template, ClientPools.Owner.CAPTURED));
		}
		return bean;
	}

}
