package org.citycoop.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method that changes something owned through a path parameter: only the secretariat admin or a
 * caller bound to that id under {@link #kind} may call it ({@link Caller#requireBound}). {@link BindingCheck}
 * checks it before the body is read, so another owner's caller gets its 403 whatever it sends and an upload is
 * not read for nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BoundTo {

    /** The binding kind, for example {@code agency} or {@code city}. */
    String kind();

    /** The path parameter holding the owner's id; also the field a 403 problem names. */
    String pathParam();
}
