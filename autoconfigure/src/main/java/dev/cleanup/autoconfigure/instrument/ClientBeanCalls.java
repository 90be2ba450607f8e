package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.tracking.InFlightCalls;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tracks the calls of client beans (RestClient, RestTemplate, WebClient), named after
 * their bean, and of every client that builder beans the application defines build. The
 * Spring types of each family are touched only where that family is on the class path.
 *
 * @author cleanup contributors
 */
public final class ClientBeanCalls {

	private static final boolean REST_CLIENT = ClassUtils.isPresent("org.springframework.web.client.RestClient",
			ClientBeanCalls.class.getClassLoader());

	private static final boolean WEB_CLIENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClient", ClientBeanCalls.class.getClassLoader());

	private static final boolean REST_TEMPLATE_BUILDER = ClassUtils
		.isPresent("org.springframework.boot.restclient.RestTemplateBuilder", ClientBeanCalls.class.getClassLoader());

	private final ClientPools pools;

	private final ObjectProvider<InFlightCalls> calls;

	public ClientBeanCalls(ClientPools pools, ObjectProvider<InFlightCalls> calls) {
		this.pools = pools;
		this.calls = calls;
	}

	/**
	 * Return the bean to use so that its calls are tracked: the bean itself, tracked in
	 * place, or a tracking replacement.
	 * @param bean the bean
	 * @param beanName its name
	 * @param beanFactory the bean factory, which tells who owns a client bean
	 * @return the bean to use
	 */
	public Object track(Object bean, String beanName, @Nullable ConfigurableListableBeanFactory beanFactory) {
		if (REST_CLIENT) {
			if (bean instanceof RestClient client) {
				return imperative().restClient(client, ClientPools.Owner.ofBean(beanFactory, beanName, bean));
			}
			if (bean instanceof RestTemplate template) {
				imperative().restTemplate(template, ClientPools.Owner.ofBean(beanFactory, beanName, bean));
				return bean;
			}
			if (bean instanceof RestClient.Builder builder) {
				return imperative().restClientBuilder(builder);
			}
		}
		if (REST_TEMPLATE_BUILDER && isRestTemplateBuilder(bean)) {
			return RestTemplateBuilders.tracked((org.springframework.boot.restclient.RestTemplateBuilder) bean,
					imperative());
		}
		if (WEB_CLIENT) {
			if (bean instanceof WebClient client) {
				return reactive().webClient(client, ClientPools.Owner.ofBean(beanFactory, beanName, bean));
			}
			if (bean instanceof WebClient.Builder builder) {
				return reactive().webClientBuilder(builder);
			}
		}
		return bean;
	}

	private static boolean isRestTemplateBuilder(Object bean) {
		return bean instanceof org.springframework.boot.restclient.RestTemplateBuilder;
	}

	private ClientInstrumentation imperative() {
		return new ClientInstrumentation(this.pools, this.calls.getObject());
	}

	private WebClientInstrumentation reactive() {
		return new WebClientInstrumentation(this.pools, this.calls.getObject());
	}

}
