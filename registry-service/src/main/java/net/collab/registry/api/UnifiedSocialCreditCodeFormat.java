package net.collab.registry.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import net.collab.registry.domain.UnifiedSocialCreditCode;

/** A Unified Social Credit Code with the right check character (GB 32100-2015); null passes. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Constraint(validatedBy = UnifiedSocialCreditCodeFormat.Validator.class)
public @interface UnifiedSocialCreditCodeFormat {
    String message() default "is not a valid Unified Social Credit Code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UnifiedSocialCreditCodeFormat, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            String problem = code == null ? null : UnifiedSocialCreditCode.problem(code);
            if (problem != null) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("is not a valid Unified Social Credit Code (GB 32100-2015): "
                        + problem.replace("{", "(").replace("}", ")")).addConstraintViolation();
            }
            return problem == null;
        }
    }
}
