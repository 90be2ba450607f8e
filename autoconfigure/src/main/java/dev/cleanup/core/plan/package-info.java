/**
 * The shutdown's plan: the budget of each stage, the timeouts and policy of each
 * participant, and the names they are listed under.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.core.plan;

import org.jspecify.annotations.NullMarked;
