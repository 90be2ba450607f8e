/**
 * OpenFeign: tracking the calls of Feign clients. The pool of the transport under them
 * comes from the client stacks; this package knows none of them.
 */
@NullMarked
package dev.cleanup.client.feign;

import org.jspecify.annotations.NullMarked;
