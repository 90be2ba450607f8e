/**
 * The client stacks: what each contributes ({@link dev.cleanup.client.ClientStack}), the
 * list of those present, the pools they find, and how the starter reads what a library
 * keeps private and says what it switched off.
 */
@NullMarked
package dev.cleanup.client;

import org.jspecify.annotations.NullMarked;
