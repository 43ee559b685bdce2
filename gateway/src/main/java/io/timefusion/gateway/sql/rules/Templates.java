package io.timefusion.gateway.sql.rules;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a replacement from Trino SQL text with {@code {0}}, {@code {1}} … standing for Postgres sub-expressions:
 * the text is parsed and the placeholders replaced by the sub-expressions themselves (not copies), so the
 * printer translates them once, like any other expression. Writing constructs this way reads like the SQL it
 * produces, where building JSqlParser's tree by hand would not. JSqlParser has no tree rewriter; the placeholders
 * are found by walking the parsed template's fields. The template's own function calls are Trino's and become
 * {@link TrinoFunction}s, which no rule translates again ({@code cardinality} in a template is Trino's, where a
 * Postgres {@code cardinality} is rewritten).
 */
public final class Templates
{
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("tf_template_arg_(\\d+)");

    private Templates() {}

    public static Expression expand(String template, Expression... arguments)
    {
        String sql = template.replaceAll("\\{(\\d+)}", "tf_template_arg_$1");
        Expression parsed;
        try {
            parsed = CCJSqlParserUtil.parseExpression(sql, false);
        }
        catch (JSQLParserException e) {
            throw new IllegalStateException("translation template does not parse: " + sql, e);
        }
        Expression[] substitutes = new Expression[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            substitutes[i] = isAtom(arguments[i]) ? arguments[i] : new ParenthesedExpressionList<>(arguments[i]);
        }
        Expression argument = placeholder(parsed, substitutes);
        if (argument != null) {
            return argument;
        }
        Expression root = adopted(parsed);
        substituteFields(root, substitutes, Collections.newSetFromMap(new IdentityHashMap<>()));
        return root;
    }

    /** The argument a placeholder stands for, or null when the node is no placeholder. */
    private static Expression placeholder(Object node, Expression[] arguments)
    {
        if (node instanceof Column column && column.getTable() == null) {
            Matcher matcher = PLACEHOLDER_NAME.matcher(column.getColumnName());
            if (matcher.matches()) {
                return arguments[Integer.parseInt(matcher.group(1))];
            }
        }
        return null;
    }

    /** A node of the template as it is kept: a function call as Trino's, anything else as parsed. */
    private static <T> T adopted(T node)
    {
        @SuppressWarnings("unchecked")
        T trino = node != null && node.getClass() == Function.class ? (T) SyntaxNodes.copyInto((Function) node, new TrinoFunction()) : node;
        return trino;
    }

    @SuppressWarnings("unchecked")
    private static void substituteFields(Object node, Expression[] arguments, Set<Object> visited)
    {
        if (!visited.add(node)) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Expression argument = placeholder(list.get(i), arguments);
                if (argument != null) {
                    ((List<Object>) list).set(i, argument);
                }
                else if (isSyntaxNode(list.get(i))) {
                    Object element = adopted(list.get(i));
                    if (element != list.get(i)) {
                        ((List<Object>) list).set(i, element);
                    }
                    substituteFields(element, arguments, visited);
                }
            }
        }
        for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
            if (!type.getPackageName().startsWith("net.sf.jsqlparser")) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(node);
                    Expression argument = placeholder(value, arguments);
                    if (argument != null) {
                        field.set(node, argument);
                    }
                    else if (isSyntaxNode(value)) {
                        Object adopted = adopted(value);
                        if (adopted != value) {
                            field.set(node, adopted);
                        }
                        substituteFields(adopted, arguments, visited);
                    }
                }
                catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    // the syntax tree, not the parser's own nodes that every expression also points to
    private static boolean isSyntaxNode(Object value)
    {
        return value instanceof List<?> || value != null && value.getClass().getPackageName().startsWith("net.sf.jsqlparser")
                && !value.getClass().getPackageName().startsWith("net.sf.jsqlparser.parser");
    }

    // what needs no parentheses to keep its meaning inside any expression
    private static boolean isAtom(Expression expression)
    {
        return expression instanceof Column || expression instanceof StringValue || expression instanceof LongValue || expression instanceof DoubleValue
                || expression instanceof JdbcParameter || expression instanceof ArrayConstructor || expression instanceof Function || expression instanceof CastExpression || expression instanceof ParenthesedSelect;
    }
}
