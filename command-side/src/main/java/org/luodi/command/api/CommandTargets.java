package org.luodi.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which aggregate a command is for: Axon's annotation lookup ({@link AnnotationCommandTargetResolver}), its members
 * found once per command class. Axon's own searches the command's methods and fields by reflection for every
 * command, twice (identifier, then version, which our commands never carry): a sixth of a 台账 import's CPU. The
 * search here is Axon's (methods first, then fields, the same annotation check); anything but a plain identifier
 * (a version member, a null identifier, a failing accessor) is left to Axon's resolver, errors and all. Axon's
 * aggregate configuration takes this bean for every aggregate.
 */
@Component
public class CommandTargets implements CommandTargetResolver {
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final Map<Class<?>, Target> targets = new ConcurrentHashMap<>();

    /** The member that names a command class's aggregate (null if none), and whether the class names a version. */
    private record Target(Member identifier, boolean versioned) {
        static Target of(Class<?> command) {
            return new Target(annotated(command, TargetAggregateIdentifier.class),
                    annotated(command, TargetAggregateVersion.class) != null);
        }

        Object identifier(Object payload) throws ReflectiveOperationException {
            if (identifier instanceof Method method) {
                return method.invoke(payload);
            }
            return identifier == null ? null : ((Field) identifier).get(payload);
        }
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Target target = targets.computeIfAbsent(command.getPayloadType(), Target::of);
        Object identifier;
        try {
            identifier = target.versioned() ? null : target.identifier(command.getPayload());
        } catch (ReflectiveOperationException e) {
            identifier = null;
        }
        return identifier == null ? axon.resolveTarget(command) : new VersionedAggregateIdentifier(identifier, null);
    }

    private static Member annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }
}
