package net.collab.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date a person could mean, from 1990 to 2199: a year such as -5000 or 300000 is a slip, and one
 * PostgreSQL cannot even store (it would fail as a server error instead of a 400 naming the field).
 */
@Documented
@Constraint(validatedBy = SensibleDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SensibleDate {

    String message() default "must be a date between 1990 and 2199";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks LocalDate and OffsetDateTime values; null is left to @NotNull. */
    class Check implements ConstraintValidator<SensibleDate, Temporal> {
        private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
        private static final LocalDate LAST = LocalDate.of(2199, 12, 31);

        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            LocalDate date = value == null ? null
                    : value instanceof OffsetDateTime time ? time.toLocalDate()
                    : value instanceof LocalDate day ? day : null;
            return value == null || date != null && !date.isBefore(FIRST) && !date.isAfter(LAST);
        }
    }
}
