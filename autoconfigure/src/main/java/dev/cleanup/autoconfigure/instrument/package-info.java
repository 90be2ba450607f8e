/**
 * Finding and wrapping clients and pools as Spring creates them: the bean
 * post-processor's jobs (client beans, pool beans, timer beans), the builder tracking and
 * the pools found.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.autoconfigure.instrument;

import org.jspecify.annotations.NullMarked;
