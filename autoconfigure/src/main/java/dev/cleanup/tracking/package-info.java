/**
 * In-flight call tracking for RestClient, RestTemplate and WebClient: what the drain
 * stage waits on, what the endpoint lists and what the report names when shutdown cuts a
 * call.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.tracking;

import org.jspecify.annotations.NullMarked;
