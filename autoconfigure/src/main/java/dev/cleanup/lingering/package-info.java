/**
 * Timeout tasks still queued in timers and schedulers, client threads that outlived their
 * pools and the exit watchdog. Free of Spring; a source that needs a client library lives
 * in a class of its own, so it is only loaded when that library is present.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.lingering;

import org.jspecify.annotations.NullMarked;
