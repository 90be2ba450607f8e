package dev.cleanup.tracking;

import java.util.List;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.reactive.function.client.support.ClientResponseWrapper;

/**
 * A WebClient response that ends its call's tracking once its body has been consumed,
 * released, failed or cancelled. Wrapping is cheaper than {@code mutate()}, which copies
 * the response.
 *
 * @author cleanup contributors
 */
final class TrackedClientResponse extends ClientResponseWrapper {

	private final InFlightCalls calls;

	private final InFlightCall call;

	TrackedClientResponse(ClientResponse delegate, InFlightCalls calls, InFlightCall call) {
		super(delegate);
		this.calls = calls;
		this.call = call;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T body(BodyExtractor<T, ? super ClientHttpResponse> extractor) {
		T body = super.body(extractor);
		if (body instanceof Mono<?> mono) {
			return (T) tracked(mono);
		}
		if (body instanceof Flux<?> flux) {
			return (T) tracked(flux);
		}
		if (body instanceof Publisher<?>) {
			return (T) tracked(Flux.from((Publisher<?>) body));
		}
		return body;
	}

	@Override
	public <T> Mono<T> bodyToMono(Class<? extends T> elementClass) {
		return tracked(super.bodyToMono(elementClass));
	}

	@Override
	public <T> Mono<T> bodyToMono(ParameterizedTypeReference<T> elementTypeRef) {
		return tracked(super.bodyToMono(elementTypeRef));
	}

	@Override
	public <T> Flux<T> bodyToFlux(Class<? extends T> elementClass) {
		return tracked(super.bodyToFlux(elementClass));
	}

	@Override
	public <T> Flux<T> bodyToFlux(ParameterizedTypeReference<T> elementTypeRef) {
		return tracked(super.bodyToFlux(elementTypeRef));
	}

	@Override
	public Mono<Void> releaseBody() {
		return tracked(super.releaseBody());
	}

	@Override
	public Mono<ResponseEntity<Void>> toBodilessEntity() {
		return tracked(super.toBodilessEntity());
	}

	@Override
	public <T> Mono<ResponseEntity<T>> toEntity(Class<T> bodyType) {
		return tracked(super.toEntity(bodyType));
	}

	@Override
	public <T> Mono<ResponseEntity<T>> toEntity(ParameterizedTypeReference<T> bodyTypeReference) {
		return tracked(super.toEntity(bodyTypeReference));
	}

	@Override
	public <T> Mono<ResponseEntity<List<T>>> toEntityList(Class<T> elementClass) {
		return tracked(super.toEntityList(elementClass));
	}

	@Override
	public <T> Mono<ResponseEntity<List<T>>> toEntityList(ParameterizedTypeReference<T> elementTypeRef) {
		return tracked(super.toEntityList(elementTypeRef));
	}

	@Override
	public Mono<WebClientResponseException> createException() {
		return tracked(super.createException());
	}

	@Override
	public <T> Mono<T> createError() {
		return tracked(super.createError());
	}

	private <T> Mono<T> tracked(Mono<T> body) {
		return TrackedBody.of(body, this.calls, this.call);
	}

	private <T> Flux<T> tracked(Flux<T> body) {
		return TrackedBody.of(body, this.calls, this.call);
	}

}
