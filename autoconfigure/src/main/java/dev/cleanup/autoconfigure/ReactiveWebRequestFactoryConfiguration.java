package dev.cleanup.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * In a reactive web application Boot has no request factory builder bean, so RestClient
 * and RestTemplate builders detect one and nothing sees the pools they create. This
 * provides the same detected builder as a bean, with only the starter's capture added.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(ClientHttpRequestFactoryBuilder.class)
class ReactiveWebRequestFactoryConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClientHttpRequestFactoryBuilder<?> cleanupClientHttpRequestFactoryBuilder(ResourceLoader resourceLoader,
			ObjectProvider<CapturingFactoryBuilderCustomizer> capture) {
		ClientHttpRequestFactoryBuilder<?> builder = ClientHttpRequestFactoryBuilder
			.detect(resourceLoader.getClassLoader());
		CapturingFactoryBuilderCustomizer customizer = capture.getIfAvailable();
		return (customizer != null) ? customizer.customize(builder) : builder;
	}

}
