package org.luodi.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.LuodiUserDetails;
import org.luodi.platform.security.Role;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A command that lost the race for its project's next sequence number (its whole transaction rolled back) is sent
 * again, a bounded number of times; no other failure is.
 */
class CommandSenderTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CommandSender sender = new CommandSender(gateway, Clock.systemUTC());

    @BeforeEach
    void signedIn() {
        LuodiUser clerk = new LuodiUser("gaoxin", Role.CLERK, "gaoxin");
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(new LuodiUserDetails(clerk, "unused"), null));
    }

    @AfterEach
    void signedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLostRaceIsSentAgain() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new ConcurrencyException("sequence 3 taken"))
                .thenThrow(new ConcurrencyException("sequence 4 taken"))
                .thenReturn("done");
        assertThat(sender.send("a command", "key", null, MetaData.emptyInstance())).isEqualTo("done");
        verify(gateway, times(CommandSender.ATTEMPTS)).sendAndWait(any(CommandMessage.class));
    }

    @Test
    void aCommandThatKeepsLosingEndsInTheConflict() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new ConcurrencyException("taken"));
        assertThatThrownBy(() -> sender.send("a command", null, null, MetaData.emptyInstance()))
                .isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(CommandSender.ATTEMPTS)).sendAndWait(any(CommandMessage.class));
    }

    /** Signing a project id that exists is no race: sending it again could only fail again. */
    @Test
    void otherFailuresAreNotRetried() {
        when(gateway.sendAndWait(any(CommandMessage.class)))
                .thenThrow(new AggregateStreamCreationException("id taken"));
        assertThatThrownBy(() -> sender.send("a command", null, null, MetaData.emptyInstance()))
                .isInstanceOf(AggregateStreamCreationException.class);
        verify(gateway, times(1)).sendAndWait(any(CommandMessage.class));
    }
}
