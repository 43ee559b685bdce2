package io.timefusion.gateway.sql.rules;

import io.timefusion.gateway.sql.TranslationContext;
import io.timefusion.gateway.sql.UndefinedSettingException;
import io.timefusion.gateway.sql.UnsupportedStatementException;
import io.timefusion.gateway.sql.session.ServerSettings;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The functions that ask about the session, answered by the gateway as literals (Trino knows neither the
 * Postgres session nor its settings): version(), current_setting, set_config, current_database(),
 * current_schema, current_user, session_user, user, pg_is_in_recovery(), pg_backend_pid().
 */
public final class SessionFunctionRule
        implements TranslationRule
{
    @Override
    public Optional<Expression> rewrite(Expression expression, TranslationContext context)
    {
        if (expression instanceof Column column && column.getTable() == null) {
            return switch (column.getColumnName().toLowerCase(Locale.ROOT)) {
                case "current_user", "session_user", "user", "current_role" -> Optional.of(text(context.user()));
                case "current_catalog" -> Optional.of(text(context.database()));
                case "current_schema" -> Optional.of(currentSchema(context));
                default -> Optional.empty();
            };
        }
        if (!(expression instanceof Function function)) {
            return Optional.empty();
        }
        List<Expression> arguments = FunctionArguments.of(function);
        return switch (FunctionNames.of(function)) {
            case "version" -> Optional.of(text(ServerSettings.versionText()));
            case "current_database" -> Optional.of(text(context.database()));
            case "current_schema" -> Optional.of(currentSchema(context));
            case "current_user", "session_user" -> Optional.of(text(context.user()));
            case "pg_is_in_recovery" -> Optional.of(new BooleanValue(false));
            case "pg_backend_pid" -> Optional.of(new LongValue(context.backendPid()));
            case "current_setting" -> Optional.of(currentSetting(arguments, context));
            case "set_config" -> Optional.of(setConfig(arguments, context));
            default -> Optional.empty();
        };
    }

    private static Expression currentSchema(TranslationContext context)
    {
        return context.currentSchema().<Expression>map(SessionFunctionRule::text).orElseGet(NullValue::new);
    }

    private static Expression currentSetting(List<Expression> arguments, TranslationContext context)
    {
        if (arguments.isEmpty() || arguments.size() > 2 || !(arguments.getFirst() instanceof StringValue name)) {
            throw new UnsupportedStatementException("current_setting is supported with a literal setting name only");
        }
        boolean missingOk = arguments.size() == 2 && arguments.get(1) instanceof BooleanValue flag && flag.getValue();
        Optional<String> value = context.setting(name.getValue());
        if (value.isEmpty() && !missingOk) {
            throw new UndefinedSettingException(name.getValue());
        }
        return value.<Expression>map(SessionFunctionRule::text).orElseGet(NullValue::new);
    }

    private static Expression setConfig(List<Expression> arguments, TranslationContext context)
    {
        if (arguments.size() != 3 || !(arguments.get(0) instanceof StringValue name) || !(arguments.get(1) instanceof StringValue value)) {
            throw new UnsupportedStatementException("set_config is supported with a literal name and value only");
        }
        // the setting changes when the statement is translated: the statement has no other effect on Trino
        context.settings().set(name.getValue().toLowerCase(Locale.ROOT), value.getValue().replace("''", "'"));
        return new StringValue(value.getValue());
    }

    private static StringValue text(String value)
    {
        return new StringValue(value.replace("'", "''"));
    }
}
