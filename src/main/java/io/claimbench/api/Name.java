package io.claimbench.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name a request refers to (an eval set, a model or a {@code provider:model} shorthand, a scorer, a template, a
 * label): at most 512 characters, none of them a control character. Which names exist is checked afterwards.
 */
@Size(max = 512)
@Pattern(regexp = "[^\\p{Cntrl}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Name {
    String message() default "at most 512 characters, and no control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
