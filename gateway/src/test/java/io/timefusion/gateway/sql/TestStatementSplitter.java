package io.timefusion.gateway.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestStatementSplitter
{
    @Test
    void splitsAtSemicolonsOutsideLiteralsAndComments()
    {
        assertThat(StatementSplitter.split("SELECT 'a;b'; SELECT \"x;y\" -- c;d\n; /* e;f */ SELECT $$g;h$$;"))
                .containsExactly("SELECT 'a;b'", "SELECT \"x;y\" -- c;d", "/* e;f */ SELECT $$g;h$$");
    }

    @Test
    void doubledQuotesAndBackslashEscapesStayInsideTheLiteral()
    {
        assertThat(StatementSplitter.split("SELECT 'it''s;'; SELECT E'\\';'; SELECT 1"))
                .containsExactly("SELECT 'it''s;'", "SELECT E'\\';'", "SELECT 1");
    }

    @Test
    void whitespaceSemicolonsAndCommentsAloneAreNoStatement()
    {
        assertThat(StatementSplitter.split(" ; ;\n")).isEmpty();
        assertThat(StatementSplitter.isBlank("  -- only a comment\n /* and /* nested */ one */ ")).isTrue();
        assertThat(StatementSplitter.isBlank(" SELECT 1")).isFalse();
    }
}
