/**
 * Apache HttpClient 5, classic and async: which beans and Spring factories and connectors
 * hold its pools, and how to measure and close a client and its connection manager.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.client.apache;

import org.jspecify.annotations.NullMarked;
