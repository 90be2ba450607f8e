/**
 * OpenFeign: tracking the calls of Feign clients. The pool of the transport under them
 * comes from the client stacks; this package knows none of them.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.client.feign;

import org.jspecify.annotations.NullMarked;
