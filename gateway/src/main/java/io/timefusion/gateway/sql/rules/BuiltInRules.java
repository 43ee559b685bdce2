package io.timefusion.gateway.sql.rules;

import java.util.List;

/** The translator's own rules, in the order they are tried. */
public final class BuiltInRules
{
    private BuiltInRules() {}

    public static List<TranslationRule> all()
    {
        return List.of(
                new UnsupportedSyntaxRule(),
                new SessionFunctionRule(),
                new RoundRule(),
                new SumRule(),
                new AggregateDivisionRule(),
                new NumericDivisionRule(),
                new GreatestLeastRule(),
                new IntegerWidthRule(),
                new DateArithmeticRule(),
                new UuidComparisonRule(),
                new CastRule(),
                new IntervalLiteralRule(),
                new TimestampComparisonRule(),
                new DateColumnComparisonRule(),
                new TextConcatenationParameterRule(),
                new ILikeRule(),
                new RegexMatchRule(),
                new JsonArrowRule(),
                new ArrayOperatorRule(),
                new ArraySubscriptRule(),
                new AnyArrayRule(),
                new ExtractRule(),
                new AtTimeZoneRule(),
                new ToCharRule(),
                new PercentileWithinGroupRule(),
                new TimescaleFunctionRule(),
                new PostgresFunctionRule());
    }
}
