/**
 * Reactor Netty: which beans and Spring factories and connectors hold its connection
 * providers, loop resources and the global {@code HttpResources}, their threads and
 * timers, and how to dispose each under a deadline.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.client.reactor;

import org.jspecify.annotations.NullMarked;
