package dev.cleanup.client;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * A private field of a library class that offers no getter, such as the client inside one
 * of Spring's request factories, read by name. The field is looked up once; where it
 * cannot be read (the library changed), {@link #read} answers {@code null} and one WARN
 * says what is off.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class PrivateField {

	private final String className;

	private final String fieldName;

	private final String switchedOff;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Every field created, for the AOT hints that let a native image read them.
	 */
	private static final Set<PrivateField> created = ConcurrentHashMap.newKeySet();

	private volatile @Nullable Field field;

	private volatile boolean missing;

	/**
	 * Create a field to read.
	 * @param className the name of the class that declares the field
	 * @param fieldName the field's name
	 * @param switchedOff what is off when it cannot be read, for the warning
	 */
	public PrivateField(String className, String fieldName, String switchedOff) {
		this.className = className;
		this.fieldName = fieldName;
		this.switchedOff = switchedOff;
		created.add(this);
	}

	/**
	 * Return every field created so far: those declared by the classes initialized.
	 * @return the fields
	 */
	public static Set<PrivateField> created() {
		return Set.copyOf(created);
	}

	/**
	 * Return the name of the class that declares the field.
	 * @return the class name
	 */
	public String className() {
		return this.className;
	}

	/**
	 * Return the field's name.
	 * @return the field name
	 */
	public String fieldName() {
		return this.fieldName;
	}

	/**
	 * Whether an object is an instance of the declaring class, by name: asking loads
	 * nothing.
	 * @param target the object
	 * @return {@code true} if the declaring class is its class or a superclass
	 */
	public boolean declaredBy(Object target) {
		return declaringClass(target.getClass()) != null;
	}

	/**
	 * Whether the field can be read from an object: it is an instance of the declaring
	 * class and the field was found and made accessible. The first failure logs the
	 * warning.
	 * @param target the object
	 * @return {@code true} if {@link #read} would read the field
	 */
	public boolean canRead(Object target) {
		return field(target) != null;
	}

	/**
	 * Read the field.
	 * @param target an instance of the declaring class or of a subclass
	 * @return the value, or {@code null} if the target is not such an instance, the field
	 * holds {@code null} or it cannot be read
	 */
	public @Nullable Object read(Object target) {
		Field field = field(target);
		if (field == null) {
			return null;
		}
		try {
			return field.get(target);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			fail(field.getDeclaringClass(), ex);
			return null;
		}
	}

	/**
	 * Read a static field.
	 * @param classLoader the class loader of the declaring class
	 * @return the value, or {@code null} if the class is absent, the field holds
	 * {@code null} or it cannot be read
	 */
	public @Nullable Object readStatic(@Nullable ClassLoader classLoader) {
		if (this.missing || !ClassUtils.isPresent(this.className, classLoader)) {
			return null;
		}
		Class<?> declaring = ClassUtils.resolveClassName(this.className, classLoader);
		Field field = field(declaring);
		if (field == null) {
			return null;
		}
		try {
			return field.get(null);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			fail(declaring, ex);
			return null;
		}
	}

	private @Nullable Field field(Object target) {
		if (this.missing) {
			return null;
		}
		Class<?> declaring = declaringClass(target.getClass());
		if (declaring == null) {
			return null;
		}
		return field(declaring);
	}

	private @Nullable Field field(Class<?> declaring) {
		Field field = this.field;
		if (field != null) {
			return field;
		}
		try {
			field = declaring.getDeclaredField(this.fieldName);
			field.setAccessible(true);
			this.field = field;
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			fail(declaring, ex);
			return null;
		}
	}

	private void fail(Class<?> declaring, Exception ex) {
		this.missing = true;
		if (this.warned.compareAndSet(false, true)) {
			Compatibility.switchedOff(this.switchedOff,
					"cannot read " + this.className + "." + this.fieldName + " (" + ex.getClass().getSimpleName()
							+ ") in " + version(declaring),
					"Use a version the starter is tested with (see its README), or report it");
		}
	}

	private @Nullable Class<?> declaringClass(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals(this.className)) {
				return candidate;
			}
		}
		return null;
	}

	private static String version(Class<?> type) {
		Package pkg = type.getPackage();
		String version = (pkg != null) ? pkg.getImplementationVersion() : null;
		String jar = (pkg != null && pkg.getImplementationTitle() != null) ? pkg.getImplementationTitle()
				: type.getName();
		return jar + ((version != null) ? " " + version : "");
	}

}
