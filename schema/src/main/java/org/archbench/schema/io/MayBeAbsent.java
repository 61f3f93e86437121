package org.archbench.schema.io;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a result record that may be null or absent in its file, where "none" is a true
 * value (the epochs to 88% of a model that never got there). Every other field is required: a
 * file that lacks it is refused when read ({@link JsonFiles#read}). A field added in a minor format
 * version is marked so, or defaulted in its record's constructor, so that older files still read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MayBeAbsent {}
