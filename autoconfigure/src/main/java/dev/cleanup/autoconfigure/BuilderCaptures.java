package dev.cleanup.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The starter's pool captures for one family of Boot's client builders (request factory
 * or connector builders), one capture per kind of builder: {@link #apply} adds the
 * capture that fits a builder and leaves other builders alone.
 *
 * @param <T> the builder family
 * @author cleanup contributors
 */
final class BuilderCaptures<T> implements UnaryOperator<T> {

	private final List<BuilderCapture<T, ?>> captures = new ArrayList<>();

	/**
	 * Add the capture for one kind of builder.
	 * @param <B> the builder type
	 * @param type the builder type
	 * @param capture returns the builder with the capture added
	 */
	<B extends T> void add(Class<B> type, UnaryOperator<B> capture) {
		this.captures.add(new BuilderCapture<>(type, capture));
	}

	@Override
	public T apply(T builder) {
		for (BuilderCapture<T, ?> capture : this.captures) {
			if (capture.type().isInstance(builder)) {
				return capture.apply(builder);
			}
		}
		return builder;
	}

	private record BuilderCapture<T, B extends T>(Class<B> type, UnaryOperator<B> capture) {

		T apply(T builder) {
			return this.capture.apply(this.type.cast(builder));
		}

	}

}
