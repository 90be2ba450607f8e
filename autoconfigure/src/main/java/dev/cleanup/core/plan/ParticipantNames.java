package dev.cleanup.core.plan;

/**
 * Makes participant names safe in a URL path and in a property key.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ParticipantNames {

	/**
	 * The longest name kept; longer names are cut.
	 */
	public static final int MAX_LENGTH = 100;

	private ParticipantNames() {
	}

	/**
	 * Replace every character outside {@code [A-Za-z0-9_-]} with {@code -} and cut the
	 * result to {@link #MAX_LENGTH}.
	 * @param name the name
	 * @return the safe name, {@code unnamed} if nothing is left
	 */
	public static String sanitize(String name) {
		StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
		for (int i = 0; i < name.length() && safe.length() < MAX_LENGTH; i++) {
			char c = name.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			safe.append(allowed ? c : '-');
		}
		return (safe.length() > 0) ? safe.toString() : "unnamed";
	}

	/**
	 * Whether a name, as given in a URL or by a user, is one sanitization would keep.
	 * @param name the name
	 * @return {@code true} if safe
	 */
	public static boolean isSafe(String name) {
		return !name.isEmpty() && name.length() <= MAX_LENGTH && sanitize(name).equals(name);
	}

	/**
	 * Return the relaxed form used to match configured names: lower case, without
	 * {@code -} and {@code _}.
	 * @param name the name
	 * @return the relaxed form
	 */
	public static String relaxed(String name) {
		StringBuilder relaxed = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c != '-' && c != '_') {
				relaxed.append(Character.toLowerCase(c));
			}
		}
		return relaxed.toString();
	}

}
