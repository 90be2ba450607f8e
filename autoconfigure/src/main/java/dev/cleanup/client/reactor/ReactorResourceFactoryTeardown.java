package dev.cleanup.client.reactor;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ReactorResourceFactory;

/**
 * Closes the private resources of a {@link ReactorResourceFactory} that does not use the
 * global ones: its connection provider, then its loops, with the starter's quiet period,
 * before the factory's own stop (phase 0) would wait Netty's default one. The resources
 * are read when closing starts, and only if the factory is running, so that nothing is
 * created just to be closed.
 *
 * @author cleanup contributors
 */
final class ReactorResourceFactoryTeardown implements Teardown {

	private final ReactorResourceFactory factory;

	private final ReactorQuietPeriod quietPeriod;

	private final Duration shutdownTimeout;

	private volatile @Nullable ReactorConnectionProviderTeardown provider;

	private volatile @Nullable ReactorLoopResourcesTeardown loops;

	ReactorResourceFactoryTeardown(ReactorResourceFactory factory, ReactorQuietPeriod quietPeriod,
			Duration shutdownTimeout) {
		this.factory = factory;
		this.quietPeriod = quietPeriod;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		if (!this.factory.isRunning()) {
			return true;
		}
		ReactorConnectionProviderTeardown provider = new ReactorConnectionProviderTeardown(
				this.factory.getConnectionProvider());
		ReactorLoopResourcesTeardown loops = new ReactorLoopResourcesTeardown(this.factory.getLoopResources(),
				this.quietPeriod, this.shutdownTimeout);
		this.provider = provider;
		this.loops = loops;
		return provider.closeGracefully(deadline) && loops.closeGracefully(deadline);
	}

	@Override
	public boolean closeForcibly() throws Exception {
		ReactorConnectionProviderTeardown provider = this.provider;
		ReactorLoopResourcesTeardown loops = this.loops;
		boolean forced = false;
		if (provider != null) {
			forced = provider.closeForcibly();
		}
		if (loops != null) {
			forced = loops.closeForcibly() || forced;
		}
		return forced;
	}

	@Override
	public @Nullable String closeNote() {
		ReactorLoopResourcesTeardown loops = this.loops;
		return (loops != null) ? loops.closeNote() : null;
	}

}
