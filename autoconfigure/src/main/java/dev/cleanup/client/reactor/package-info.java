/**
 * Reactor Netty: which beans and Spring factories and connectors hold its connection
 * providers, loop resources and the global {@code HttpResources}, their threads and
 * timers, and how to dispose each under a deadline.
 */
@NullMarked
package dev.cleanup.client.reactor;

import org.jspecify.annotations.NullMarked;
