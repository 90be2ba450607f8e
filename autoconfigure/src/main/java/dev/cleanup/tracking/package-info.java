/**
 * In-flight call tracking for RestClient, RestTemplate and WebClient: what the drain
 * stage waits on, what the endpoint lists and what the report names when shutdown cuts a
 * call.
 */
@NullMarked
package dev.cleanup.tracking;

import org.jspecify.annotations.NullMarked;
