/**
 * Timeout tasks still queued in timers and schedulers, client threads that outlived their
 * pools and the exit watchdog. Free of Spring; a source that needs a client library lives
 * in a class of its own, so it is only loaded when that library is present.
 */
@NullMarked
package dev.cleanup.lingering;

import org.jspecify.annotations.NullMarked;
