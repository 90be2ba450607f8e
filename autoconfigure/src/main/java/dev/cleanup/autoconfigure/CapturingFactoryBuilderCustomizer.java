package dev.cleanup.autoconfigure;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Adds the starter's pool captures to request factory builders. Boot applies it to its
 * auto-configured builder; in a reactive web application, where Boot has none,
 * {@link ReactiveWebRequestFactoryConfiguration} applies it to the detected one.
 *
 * @author cleanup contributors
 */
final class CapturingFactoryBuilderCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>> {

	private final BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> captures;

	CapturingFactoryBuilderCustomizer(BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> captures) {
		this.captures = captures;
	}

	@Override
	public ClientHttpRequestFactoryBuilder<?> customize(ClientHttpRequestFactoryBuilder<?> builder) {
		return this.captures.apply(builder);
	}

}
