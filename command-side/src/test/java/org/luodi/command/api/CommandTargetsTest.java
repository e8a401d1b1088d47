package org.luodi.command.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.luodi.command.RunningCommandSide;
import org.luodi.command.evidence.EvidenceCommands;
import org.luodi.command.lead.LeadCommands;
import org.luodi.command.project.ProjectCommands;
import org.luodi.command.ticket.TicketCommands;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command of the command side is routed as Axon's own resolver routes it, and Axon uses ours. */
@RunningCommandSide
class CommandTargetsTest {
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    @Autowired
    private CommandTargets targets;
    @Autowired
    private Configuration configuration;

    @Test
    void axonsAggregatesTakeThisResolver() {
        assertThat(configuration.getComponent(CommandTargetResolver.class)).isSameAs(targets);
    }

    @Test
    void everyCommandResolvesAsAxonResolvesItTwiceOver() throws Exception {
        List<Class<?>> commands = Stream.of(ProjectCommands.class, LeadCommands.class, TicketCommands.class,
                        EvidenceCommands.class).flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                .filter(Class::isRecord).toList();
        assertThat(commands).hasSizeGreaterThan(20);
        for (Class<?> type : commands) {
            String id = UUID.randomUUID().toString();
            var command = GenericCommandMessage.asCommandMessage(instance(type, id));
            for (int i = 0; i < 2; i++) { // the second time from what the first found
                assertThat(targets.resolveTarget(command)).as(type.getSimpleName())
                        .isEqualTo(axon.resolveTarget(command));
            }
            assertThat(targets.resolveTarget(command).getIdentifier()).as(type.getSimpleName()).isEqualTo(id);
            var withoutTarget = GenericCommandMessage.asCommandMessage(instance(type, null));
            assertThatThrownBy(() -> targets.resolveTarget(withoutTarget)).as(type.getSimpleName())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(catchMessage(() -> axon.resolveTarget(withoutTarget)));
        }
    }

    /** A command with every component plain (zero, false, empty, the first of an enum) but the target's, {@code id}. */
    private static Object instance(Class<?> type, String id) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            values[i] = components[i].isAnnotationPresent(TargetAggregateIdentifier.class)
                    || components[i].getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class) ? id
                    : empty(c);
        }
        var constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class[]::new));
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object empty(Class<?> c) {
        if (c == boolean.class || c == Boolean.class) {
            return false;
        }
        if (c == int.class || c == Integer.class) {
            return 0;
        }
        if (c == long.class || c == Long.class) {
            return 0L;
        }
        if (c == java.math.BigDecimal.class) {
            return java.math.BigDecimal.ONE;
        }
        if (c == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2024, 5, 20);
        }
        if (c == String.class) {
            return "甲";
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        if (c == List.class) {
            return List.of();
        }
        if (c == java.util.Set.class) {
            return java.util.Set.of();
        }
        return null;
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("Axon's resolver accepted a command without its target");
    }
}
