package io.openruntimes.quarkus.edge;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Which protocol an {@link Edge} bean speaks: {@link ProtocolSwitch} selects the edge by it. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Speaks {

    Protocol value();

    final class Literal extends AnnotationLiteral<Speaks> implements Speaks {

        private final Protocol value;

        public Literal(Protocol value) {
            this.value = value;
        }

        @Override
        public Protocol value() {
            return value;
        }
    }
}
