/**
 * The client stacks: what each contributes ({@link dev.cleanup.client.ClientStack}), the
 * list of those present, the pools they find, and how the starter reads what a library
 * keeps private and says what it switched off.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.client;

import org.jspecify.annotations.NullMarked;
