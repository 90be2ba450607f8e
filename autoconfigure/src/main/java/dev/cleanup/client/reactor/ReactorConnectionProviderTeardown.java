package dev.cleanup.client.reactor;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Teardown;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.tcp.TcpResources;

/**
 * {@link Teardown} for a Reactor Netty {@link ConnectionProvider} of one's own (not the
 * global one: use {@link ReactorGlobalResourcesTeardown} for that). A provider reports no
 * pool figures unless built with a metrics registrar, so the engine counts the tracked
 * calls of the clients using it as in use.
 * <p>
 * The graceful close, called once no tracked call is in flight, disposes the provider
 * with {@code disposeLater()} and waits for that until the deadline. The forced close
 * calls {@code dispose()}: idle connections close at once and callers waiting for a
 * connection fail, while a connection still in use closes when its call releases it or
 * when the event loops it runs on are disposed.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ReactorConnectionProviderTeardown implements Teardown {

	private final ConnectionProvider provider;

	private final ReactorDisposal disposal = new ReactorDisposal();

	/**
	 * Create a teardown for the given provider.
	 * @param provider the provider, not the global {@code HttpResources}
	 * @throws IllegalArgumentException if the provider is a global one, whose
	 * {@code disposeLater()} does nothing
	 */
	public ReactorConnectionProviderTeardown(ConnectionProvider provider) {
		if (provider instanceof TcpResources) {
			throw new IllegalArgumentException("The global " + provider.getClass().getSimpleName()
					+ " cannot be disposed as a provider: use ReactorGlobalResourcesTeardown");
		}
		this.provider = provider;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		this.disposal.start(this.provider::disposeLater);
		return this.disposal.awaitGracefully(deadline);
	}

	@Override
	public boolean closeForcibly() {
		this.provider.dispose();
		return true;
	}

	/**
	 * Whether the graceful disposal has finished.
	 * @return {@code true} once disposed
	 */
	public boolean isDisposed() {
		return this.disposal.isDisposed();
	}

}
