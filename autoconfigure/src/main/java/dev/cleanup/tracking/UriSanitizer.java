package dev.cleanup.tracking;

import java.net.URI;

/**
 * Makes a URI safe to show: user-info is always dropped, query values are masked unless
 * asked for, the fragment is dropped.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class UriSanitizer {

	/**
	 * What a masked query value reads as.
	 */
	public static final String MASK = "******";

	private UriSanitizer() {
	}

	/**
	 * Return the URI as a string without user-info and with every query value masked.
	 * @param uri the URI
	 * @return the safe string
	 */
	public static String sanitize(URI uri) {
		return sanitize(uri, false);
	}

	/**
	 * Return the URI as a string without user-info and fragment.
	 * @param uri the URI
	 * @param showQueryValues whether query values are shown as they are
	 * @return the safe string
	 */
	public static String sanitize(URI uri, boolean showQueryValues) {
		if (uri.isOpaque()) {
			return (uri.getScheme() != null) ? uri.getScheme() + ":" + MASK : MASK;
		}
		StringBuilder text = new StringBuilder();
		if (uri.getScheme() != null) {
			text.append(uri.getScheme()).append("://");
		}
		if (uri.getHost() != null) {
			text.append(uri.getHost());
			if (uri.getPort() != -1) {
				text.append(':').append(uri.getPort());
			}
		}
		else if (uri.getRawAuthority() != null) {
			// An authority Java cannot parse may hide user-info: keep only what follows
			// '@'
			String authority = uri.getRawAuthority();
			text.append(authority.substring(authority.lastIndexOf('@') + 1));
		}
		if (uri.getRawPath() != null) {
			text.append(uri.getRawPath());
		}
		String query = uri.getRawQuery();
		if (query != null) {
			text.append('?').append(showQueryValues ? query : maskQuery(query));
		}
		return text.toString();
	}

	private static String maskQuery(String query) {
		StringBuilder masked = new StringBuilder(query.length());
		for (String pair : query.split("&", -1)) {
			if (masked.length() > 0) {
				masked.append('&');
			}
			int equals = pair.indexOf('=');
			masked.append((equals >= 0) ? pair.substring(0, equals + 1) + MASK : pair);
		}
		return masked.toString();
	}

}
