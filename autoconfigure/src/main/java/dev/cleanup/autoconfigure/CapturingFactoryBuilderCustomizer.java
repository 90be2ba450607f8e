package dev.cleanup.autoconfigure;

import java.util.function.UnaryOperator;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;

/**
 * Adds the starter's pool capture to one kind of request factory builder and leaves
 * other builders alone. Boot applies it to its auto-configured builder; in a reactive
 * web application, where Boot has none, {@link ReactiveWebRequestFactoryConfiguration}
 * applies it to the detected one.
 *
 * @param <B> the builder type it captures for
 * @author cleanup contributors
 */
final class CapturingFactoryBuilderCustomizer<B extends ClientHttpRequestFactoryBuilder<?>>
		implements ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>> {

	private final Class<B> type;

	private final UnaryOperator<B> capture;

	CapturingFactoryBuilderCustomizer(Class<B> type, UnaryOperator<B> capture) {
		this.type = type;
		this.capture = capture;
	}

	@Override
	public ClientHttpRequestFactoryBuilder<?> customize(ClientHttpRequestFactoryBuilder<?> builder) {
		return this.type.isInstance(builder) ? this.capture.apply(this.type.cast(builder)) : builder;
	}

}
