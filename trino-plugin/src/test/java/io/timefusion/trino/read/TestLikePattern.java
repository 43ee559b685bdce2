package io.timefusion.trino.read;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.likematcher.LikeMatcher;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connector's LIKE answers as Trino's own matcher does, for every pattern: it filters rows the engine no longer re-checks. */
class TestLikePattern
{
    private static final String[] PATTERN_PIECES = {"a", "b", "ab", "%", "%", "_", "\\", "\\%", "\\_", "é", "😀", "/orders/"};
    private static final String[] VALUE_PIECES = {"a", "b", "ab", "%", "_", "\\", "é", "😀", "/orders/", ""};

    @Test
    void randomPatternsMatchAsTrinosMatcherDoes()
    {
        Random random = new Random(20261205);
        int compared = 0;
        for (int patternNumber = 0; patternNumber < 3_000; patternNumber++) {
            String pattern = join(random, PATTERN_PIECES, random.nextInt(6));
            Optional<Character> escape = random.nextBoolean() ? Optional.of('\\') : Optional.empty();
            LikeMatcher trino;
            try {
                trino = LikeMatcher.compile(pattern, escape);
            }
            catch (RuntimeException refused) {
                assertThatThrownBy(() -> LikePattern.compile(pattern, escape)).as("refused by Trino: %s", pattern).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            LikePattern ours = LikePattern.compile(pattern, escape);
            for (int valueNumber = 0; valueNumber < 30; valueNumber++) {
                Slice value = Slices.utf8Slice(join(random, VALUE_PIECES, random.nextInt(7)));
                assertThat(ours.matches(value))
                        .as("'%s' LIKE '%s'%s", value.toStringUtf8(), pattern, escape.map(character -> " ESCAPE '" + character + "'").orElse(""))
                        .isEqualTo(trino.match(value.byteArray(), value.byteArrayOffset(), value.length()));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50_000);
    }

    @Test
    void aPathFilterMatchesAnywhereInTheValue()
    {
        LikePattern orders = LikePattern.compile("%/orders/%", Optional.empty());

        assertThat(orders.matches(Slices.utf8Slice("/api/v1/orders/17"))).isTrue();
        assertThat(orders.matches(Slices.utf8Slice("/orders/"))).isTrue();
        assertThat(orders.matches(Slices.utf8Slice("/api/v1/order/17"))).isFalse();
    }

    @Test
    void overlappingRunsAreNotCountedTwice()
    {
        assertThat(LikePattern.compile("ab%ba", Optional.empty()).matches(Slices.utf8Slice("aba"))).isFalse();
        assertThat(LikePattern.compile("ab%ba", Optional.empty()).matches(Slices.utf8Slice("abba"))).isTrue();
        assertThat(LikePattern.compile("%a%a%", Optional.empty()).matches(Slices.utf8Slice("a"))).isFalse();
    }

    @Test
    void anUnderscoreIsOneCharacterNotOneByte()
    {
        assertThat(LikePattern.compile("_", Optional.empty()).matches(Slices.utf8Slice("😀"))).isTrue();
        assertThat(LikePattern.compile("__", Optional.empty()).matches(Slices.utf8Slice("é"))).isFalse();
    }

    private static String join(Random random, String[] pieces, int count)
    {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
