package io.timefusion.gateway.pgwire.types;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.timefusion.gateway.pgwire.types.Values.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPgType
{
    @Test
    void looksUpByOidAndTypname()
    {
        assertThat(PgType.byOid(23)).contains(PgType.INT4);
        assertThat(PgType.byOid(1185)).contains(PgType.TIMESTAMPTZ_ARRAY);
        assertThat(PgType.byName("jsonb")).contains(PgType.JSONB);
        assertThat(PgType.byName("_uuid")).contains(PgType.UUID_ARRAY);
        assertThat(PgType.byOid(600)).isEmpty();
        assertThat(PgType.byName("integer")).isEmpty();
    }

    @Test
    void everyScalarTypeHasItsArrayTypeInTheCatalog()
    {
        for (PgType<?> type : PgType.all()) {
            if (type.arrayTypeOid() != 0) {
                PgType<?> array = PgType.byOid(type.arrayTypeOid()).orElseThrow();
                assertThat(array.name()).isEqualTo("_" + type.name());
                assertThat(array.typeLength()).isEqualTo((short) -1);
            }
        }
    }

    @Test
    void catalogMatchesPgType()
    {
        assertThat(PgType.BOOL.typeLength()).isEqualTo((short) 1);
        assertThat(PgType.NAME.typeLength()).isEqualTo((short) 64);
        assertThat(PgType.INTERVAL.typeLength()).isEqualTo((short) 16);
        assertThat(PgType.UUID_TYPE.typeLength()).isEqualTo((short) 16);
        assertThat(PgType.UNKNOWN.typeLength()).isEqualTo((short) -2);
        assertThat(PgType.JSON.arrayTypeOid()).isEqualTo(199);
        assertThat(PgType.JSONB_ARRAY.oid()).isEqualTo(3807);
        assertThat(PgType.NUMERIC_ARRAY.oid()).isEqualTo(1231);
    }

    @Test
    void oidsAndNamesAreUnique()
    {
        Set<Integer> oids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (PgType<?> type : PgType.all()) {
            assertThat(oids.add(type.oid())).as(type.name()).isTrue();
            assertThat(names.add(type.name())).as(type.name()).isTrue();
        }
        assertThat(oids).hasSize(43);
    }

    @Test
    void encodesUntypedValuesAfterCheckingTheirClass()
    {
        Object value = 42;

        assertThat(utf8(PgType.INT4.encodeText(value))).isEqualTo("42");
        assertThat(PgType.INT4_ARRAY.encodeBinary(List.of(1))).hasSize(28);
        assertThatThrownBy(() -> PgType.INT4.encodeText(42L)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void unknownIsHandledAsText()
    {
        assertThat(PgType.UNKNOWN.decodeText(utf8("2025-03-01"))).isEqualTo("2025-03-01");
    }
}
