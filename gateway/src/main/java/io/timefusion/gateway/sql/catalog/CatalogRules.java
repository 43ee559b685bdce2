package io.timefusion.gateway.sql.catalog;

import io.timefusion.gateway.sql.rules.TranslationRule;

import java.util.List;

/** The translation rules of the catalog emulation: its functions and casts. */
public final class CatalogRules
{
    private CatalogRules() {}

    public static List<TranslationRule> all()
    {
        return List.of(
                new CatalogLookupRule(),
                new CatalogEmptyTextRule(),
                new RegTypeCastRule(),
                new OidLiteralRule(),
                new ArrayFunctionRule(),
                new IdentifierFunctionRule());
    }
}
