package org.luodi.query.web;

import org.junit.jupiter.api.Test;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void theEdgesOfTheRangesAreAccepted() {
        Paging.check(0, 1, 200);
        Paging.check(100_000, 200, 200);
    }

    @Test
    void eachFieldOutOfRangeIsNamedBothAtOnce() {
        assertThatThrownBy(() -> Paging.check(-1, 201, 200)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("page", "须在 0–100000 之间"),
                        org.assertj.core.groups.Tuple.tuple("size", "须在 1–200 之间")));
        assertThatThrownBy(() -> Paging.check(100_001, 1, 500)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("page"));
        assertThatThrownBy(() -> Paging.check(0, 0, 500)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("size"));
    }
}
