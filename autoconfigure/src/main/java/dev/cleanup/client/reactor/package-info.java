/**
 * Teardown for Reactor Netty: connection providers, loop resources and the global
 * {@code HttpResources}, each disposed under a deadline. Free of Spring.
 */
@NullMarked
package dev.cleanup.client.reactor;

import org.jspecify.annotations.NullMarked;
