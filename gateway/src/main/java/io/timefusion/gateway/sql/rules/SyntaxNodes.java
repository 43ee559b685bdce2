package io.timefusion.gateway.sql.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Copies of JSqlParser nodes, which have no copy constructors: a rule that changes one part of a node copies it. */
final class SyntaxNodes
{
    private SyntaxNodes() {}

    /** {@code blank} with every field of {@code node} (of {@code node}'s class and its superclasses) set to node's value. */
    static <T, C extends T> C copyInto(T node, C blank)
    {
        try {
            for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        field.setAccessible(true);
                        field.set(blank, field.get(node));
                    }
                }
            }
        }
        catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return blank;
    }
}
