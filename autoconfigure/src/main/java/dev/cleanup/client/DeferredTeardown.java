package dev.cleanup.client;

import java.util.function.BiFunction;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;

/**
 * A pool's teardown, made when it is first used: when the pool is measured or closed, not
 * when it registers at startup, which then loads none of the stack's closing code.
 *
 * @author cleanup contributors
 */
final class DeferredTeardown implements Teardown {

	private final BiFunction<Object, InFlightSource, Teardown> factory;

	private final Object resource;

	private final InFlightSource calls;

	private volatile @Nullable Teardown teardown;

	DeferredTeardown(BiFunction<Object, InFlightSource, Teardown> factory, Object resource, InFlightSource calls) {
		this.factory = factory;
		this.resource = resource;
		this.calls = calls;
	}

	private Teardown teardown() {
		Teardown teardown = this.teardown;
		if (teardown == null) {
			synchronized (this) {
				teardown = this.teardown;
				if (teardown == null) {
					teardown = this.factory.apply(this.resource, this.calls);
					this.teardown = teardown;
				}
			}
		}
		return teardown;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		return teardown().closeGracefully(deadline);
	}

	@Override
	public boolean closeForcibly() throws Exception {
		return teardown().closeForcibly();
	}

	@Override
	public PoolUsage usage() {
		return teardown().usage();
	}

	@Override
	public int evictIdleConnections() {
		return teardown().evictIdleConnections();
	}

	@Override
	public @Nullable String closeNote() {
		Teardown teardown = this.teardown;
		return (teardown != null) ? teardown.closeNote() : null;
	}

}
