package io.timefusion.gateway.sql.deparse;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.rules.TranslationRule;
import io.timefusion.gateway.sql.rules.TranslationRules;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.OracleHierarchicalExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ContainedBy;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.schema.Column;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Prints expressions as Trino SQL: each expression of a class listed here is first offered to the translation
 * rules, and a rule's replacement is printed in its place. A rule for a node class not listed here needs one more
 * override of the same shape. A replacement is offered again to every rule but the one that made it, so a rule may
 * return a node of the class it rewrites (a CAST for a CAST), or a sub-expression of it, without looping.
 */
public class TrinoExpressionDeParser
        extends ExpressionDeParser
{
    private final TranslationRules rules;
    private final TranslationContext translationContext;
    // which rule made a replacement: it is offered to the other rules only, so no rule sees its own output
    private final Map<Expression, TranslationRule> replacedBy = new IdentityHashMap<>();
    private final PrintedParameters parameters;
    private final PrintedReads reads;

    TrinoExpressionDeParser(TranslationRules rules, TranslationContext translationContext, PrintedParameters parameters, PrintedReads reads)
    {
        this.rules = rules;
        this.translationContext = translationContext;
        this.parameters = parameters;
        this.reads = reads;
    }

    private <S> StringBuilder translated(Expression expression, S context, Supplier<StringBuilder> asIs)
    {
        Optional<TranslationRules.Replacement> replacement = rules.rewrite(expression, translationContext, Optional.ofNullable(replacedBy.get(expression)));
        if (replacement.isEmpty()) {
            return asIs.get();
        }
        Expression replacing = replacement.get().expression();
        replacedBy.put(replacing, replacement.get().rule());
        return replacing.accept(this, context);
    }

    @Override
    public <S> StringBuilder visit(Function expression, S context)
    {
        reads.function(expression);
        PostgresNullOrdering.keep(expression.getOrderByElements());
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(CastExpression expression, S context)
    {
        return translated(expression, context, () -> {
            parameters.printing(expression);
            return super.visit(expression, context);
        });
    }

    @Override
    public <S> StringBuilder visit(JdbcParameter parameter, S context)
    {
        parameters.printing(parameter, getBuilder().length());
        return super.visit(parameter, context);
    }

    @Override
    public <S> StringBuilder visit(AnalyticExpression expression, S context)
    {
        PostgresNullOrdering.keep(expression.getOrderByElements());
        PostgresNullOrdering.keep(expression.getFuncOrderBy());
        if (expression.getWindowDefinition() != null) {
            PostgresNullOrdering.keep(expression.getWindowDefinition().getOrderByElements());
        }
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(ExtractExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(IntervalExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(TimeKeyExpression expression, S context)
    {
        reads.word(expression.getStringValue());
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(TimezoneExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(DateTimeLiteralExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(CollateExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(JsonExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(ArrayConstructor expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(ArrayExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(StringValue expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Column expression, S context)
    {
        if (expression.getTable() == null) {
            reads.word(expression.getColumnName());
        }
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Concat expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Addition expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Subtraction expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Division expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(LikeExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(SimilarToExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(RegExpMatchOperator expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(JsonOperator expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(DoubleAnd expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Contains expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(ContainedBy expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(EqualsTo expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(NotEqualsTo expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(GreaterThan expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(GreaterThanEquals expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(MinorThan expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(MinorThanEquals expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(InExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(Between expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(AnyComparisonExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }

    @Override
    public <S> StringBuilder visit(OracleHierarchicalExpression expression, S context)
    {
        return translated(expression, context, () -> super.visit(expression, context));
    }
}
