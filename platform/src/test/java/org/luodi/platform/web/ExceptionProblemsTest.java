package org.luodi.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.ImplausibleAmountException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.problem.Problem;
import org.luodi.platform.problem.RuleViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which exception gives which problem: status, code, Chinese detail, errors. */
class ExceptionProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void badInputIs400NamingEveryField() {
        Problem problem = ExceptionProblems.problemFor(new InvalidInputException(List.of(
                new FieldProblem("startedOn", "必填"), new FieldProblem("kind", "必填"))));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("request.invalid");
        assertThat(problem.title()).isEqualTo("请求有误");
        assertThat(problem.detail()).isEqualTo("startedOn: 必填; kind: 必填");
        assertThat(problem.errors()).extracting(FieldProblem::field).containsExactly("startedOn", "kind");
    }

    @Test
    void aBrokenRuleIs409WithItsOwnCodeAndField() {
        Problem problem = ExceptionProblems.problemFor(
                new RuleViolationException(ErrorCode.MILESTONE_OUT_OF_ORDER, "storedOn", "尚未开工，不能入库"));
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("milestone.out-of-order");
        assertThat(problem.detail()).isEqualTo("尚未开工，不能入库");
        assertThat(problem.errors()).containsExactly(new FieldProblem("storedOn", "尚未开工，不能入库"));
        assertThat(ExceptionProblems.problemFor(new RuleViolationException(ErrorCode.PROJECT_VOID, "项目已作废"))
                .errors()).isNull();
    }

    /** Axon hands the handler's exception over as the details of a CommandExecutionException. */
    @Test
    void anImplausibleAmountInsideAxonsWrapperKeepsItsCheck() {
        var implausible = new ImplausibleAmountException("amountWan", "funds-over-contract", "到位资金累计过大");
        Problem problem = ExceptionProblems.problemFor(
                new CommandExecutionException("wrapped", null, implausible));
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.code()).isEqualTo("amount.implausible");
        assertThat(problem.type()).isEqualTo("/problems/implausible-amount");
        assertThat(problem.check()).isEqualTo("funds-over-contract");
        assertThat(problem.confirm()).isEqualTo("confirmImplausible");
    }

    @Test
    void aMissingThingSaysWhatWasMissing() {
        Problem readModel = ExceptionProblems.problemFor(
                new NotFoundException(NotFoundException.Kind.READ_MODEL, "no-such-model"));
        assertThat(readModel.status()).isEqualTo(404);
        assertThat(readModel.code()).isEqualTo("read-model.not-found");
        assertThat(readModel.detail()).isEqualTo("读模型 no-such-model 不存在");
        Problem project = ExceptionProblems.problemFor(new NotFoundException(NotFoundException.Kind.PROJECT, null));
        assertThat(project.code()).isEqualTo("project.not-found");
        assertThat(project.detail()).isEqualTo("项目不存在");
        // an id that is not a plain code is not repeated back
        assertThat(new NotFoundException(NotFoundException.Kind.DEAD_LETTER, "<script>java.lang.X").getMessage())
                .isEqualTo("搁置事件不存在");
        assertThat(ExceptionProblems.problemFor(new AggregateNotFoundException("x", "gone")).code())
                .isEqualTo("project.not-found");
    }

    @Test
    void refusalsOfAccessCarryTheirCode() {
        assertThat(ExceptionProblems.problemFor(ForbiddenException.otherTownship("不能查看其他乡镇的项目")))
                .extracting(Problem::status, Problem::code).containsExactly(403, "access.other-township");
        assertThat(ExceptionProblems.problemFor(new ForbiddenException("仅系统管理员")))
                .extracting(Problem::status, Problem::code).containsExactly(403, "access.denied");
        assertThat(ExceptionProblems.problemFor(new AccessDeniedException("Access Denied")))
                .extracting(Problem::status, Problem::code, Problem::detail)
                .containsExactly(403, "access.denied", ErrorCode.ACCESS_DENIED.meaning());
    }

    @Test
    void axonsConflictsAre409() {
        assertThat(ExceptionProblems.problemFor(new AggregateStreamCreationException("exists")).code())
                .isEqualTo("project.exists");
        assertThat(ExceptionProblems.problemFor(new ConcurrencyException("changed")).code())
                .isEqualTo("project.concurrent-change");
    }

    @Test
    void aBodyOverTheLimitIs413HoweverWrapped() {
        Problem problem = ExceptionProblems.problemFor(
                new UncheckedIOException(new BodySizeLimitFilter.BodyTooLargeException()));
        assertThat(problem).extracting(Problem::status, Problem::code).containsExactly(413, "request.body-too-large");
    }

    /** No free connection with the database there is "busy"; a timeout caused by a failed connect is "unavailable". */
    @Test
    void theDatabaseIsBusyOrAway() {
        assertThat(ExceptionProblems.problemFor(new RuntimeException(new SQLTransientConnectionException("timeout")))
                .code()).isEqualTo("server.busy");
        assertThat(ExceptionProblems.problemFor(new CannotCreateTransactionException("no tx",
                new SQLTransientConnectionException("timeout", new SQLException("refused", "08001")))).code())
                .isEqualTo("database.unavailable");
        assertThat(ExceptionProblems.problemFor(new RuntimeException(new SQLException("shutting down", "57P01")))
                .status()).isEqualTo(503);
    }

    /** A domain refusal deep in the chain wins over the wrapper around it, whatever the wrapper is. */
    @Test
    void theDomainRefusalWinsOverItsWrapper() {
        Problem problem = ExceptionProblems.problemFor(new CannotCreateTransactionException("outer",
                new RuleViolationException(ErrorCode.PROJECT_TERMINATED, "项目已解约，只能更正")));
        assertThat(problem.code()).isEqualTo("project.terminated");
    }

    @Test
    void anythingElseIsABare500() {
        Problem problem = ExceptionProblems.problemFor(new IllegalStateException("secret internals"));
        assertThat(problem).extracting(Problem::status, Problem::code, Problem::detail)
                .containsExactly(500, "server.internal", "服务器内部错误");
    }

    /** One writer: the same shape from every path, absent members left out. */
    @Test
    void theWrittenProblemHasTheContractsMembers() throws Exception {
        JsonNode written = JSON.readTree(ProblemResponses.bytes(ExceptionProblems.problemFor(
                new InvalidInputException("year", "年份须在 2000–2100 之间"))));
        assertThat(written.fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "code", "errors");
        assertThat(written.path("errors").get(0).has("field")).isTrue();
        JsonNode bare = JSON.readTree(ProblemResponses.bytes(ProblemResponses.forStatus(431)));
        assertThat(bare.path("code").asText()).isEqualTo("request.headers-too-large");
        assertThat(bare.path("title").asText()).isEqualTo("请求头过大");
        assertThat(bare.has("errors")).isFalse();
        assertThat(JSON.readTree(ProblemResponses.bytes(ProblemResponses.forStatus(418))).path("code").asText())
                .isEqualTo("request.refused");
    }
}
