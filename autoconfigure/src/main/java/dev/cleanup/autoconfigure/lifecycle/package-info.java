/**
 * The shutdown as Spring runs it: the stage beans and their phases, the stages that run
 * after the application's own shutdown work, the failed-startup close, the report and the
 * checks of the plan at startup.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.autoconfigure.lifecycle;

import org.jspecify.annotations.NullMarked;
