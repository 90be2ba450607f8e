package dev.cleanup.autoconfigure.instrument;

import org.springframework.boot.restclient.RestTemplateBuilder;

/**
 * Tracks the RestTemplates a {@link RestTemplateBuilder} bean builds, Boot's or one the
 * application defines, by one more customizer: the builder is immutable, and a template
 * already tracked is left as it is, so adding it to Boot's builder too is harmless.
 *
 * @author cleanup contributors
 */
final class RestTemplateBuilders {

	private RestTemplateBuilders() {
	}

	static RestTemplateBuilder tracked(RestTemplateBuilder builder, ClientInstrumentation instrumentation) {
		return builder
			.additionalCustomizers((template) -> instrumentation.restTemplate(template, ClientPools.Owner.CAPTURED));
	}

}
