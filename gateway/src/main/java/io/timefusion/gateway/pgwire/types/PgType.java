package io.timefusion.gateway.pgwire.types;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The Postgres types the gateway speaks, as pg_type describes them to clients, each with its codec.
 *
 * @param <T> the Java class of the type's values
 */
public final class PgType<T>
{
    public static final PgType<Boolean> BOOL = scalar(16, "bool", 1, 1000, new BoolCodec());
    public static final PgType<byte[]> BYTEA = scalar(17, "bytea", -1, 1001, new ByteaCodec());
    /** Postgres' identifier type: NAMEDATALEN, 64 bytes. Catalog queries return it. */
    public static final PgType<String> NAME = scalar(19, "name", 64, 1003, new TextCodec());
    public static final PgType<Long> INT8 = scalar(20, "int8", 8, 1016, new Int8Codec());
    public static final PgType<Short> INT2 = scalar(21, "int2", 2, 1005, new Int2Codec());
    public static final PgType<Integer> INT4 = scalar(23, "int4", 4, 1007, new Int4Codec());
    public static final PgType<String> TEXT = scalar(25, "text", -1, 1009, new TextCodec());
    /** Object identifiers: what catalog queries bind (pgjdbc's type lookups); unsigned in Postgres, ours stay below 2^31. */
    public static final PgType<Integer> OID = scalar(26, "oid", 4, 1028, new Int4Codec());
    public static final PgType<String> JSON = scalar(114, "json", -1, 199, new TextCodec());
    public static final PgType<Float> FLOAT4 = scalar(700, "float4", 4, 1021, new Float4Codec());
    public static final PgType<Double> FLOAT8 = scalar(701, "float8", 8, 1022, new Float8Codec());
    /** The type of an untyped literal or of a parameter whose type the client left open; handled as text. */
    public static final PgType<String> UNKNOWN = scalar(705, "unknown", -2, 0, new TextCodec());
    public static final PgType<String> BPCHAR = scalar(1042, "bpchar", -1, 1014, new TextCodec());
    public static final PgType<String> VARCHAR = scalar(1043, "varchar", -1, 1015, new TextCodec());
    public static final PgType<LocalDate> DATE = scalar(1082, "date", 4, 1182, new DateCodec());
    public static final PgType<LocalTime> TIME = scalar(1083, "time", 8, 1183, new TimeCodec());
    public static final PgType<LocalDateTime> TIMESTAMP = scalar(1114, "timestamp", 8, 1115, new TimestampCodec());
    public static final PgType<OffsetDateTime> TIMESTAMPTZ = scalar(1184, "timestamptz", 8, 1185, new TimestamptzCodec());
    public static final PgType<PgInterval> INTERVAL = scalar(1186, "interval", 16, 1187, new IntervalCodec());
    /** Values are {@link BigDecimal}, or the Double constants NaN and ±Infinity. */
    public static final PgType<Number> NUMERIC = scalar(1700, "numeric", -1, 1231, new NumericCodec());
    public static final PgType<UUID> UUID_TYPE = scalar(2950, "uuid", 16, 2951, new UuidCodec());
    public static final PgType<String> JSONB = scalar(3802, "jsonb", -1, 3807, new JsonbCodec());

    public static final PgType<List<Boolean>> BOOL_ARRAY = arrayOf(BOOL);
    public static final PgType<List<byte[]>> BYTEA_ARRAY = arrayOf(BYTEA);
    public static final PgType<List<String>> NAME_ARRAY = arrayOf(NAME);
    public static final PgType<List<Short>> INT2_ARRAY = arrayOf(INT2);
    public static final PgType<List<Integer>> INT4_ARRAY = arrayOf(INT4);
    public static final PgType<List<Integer>> OID_ARRAY = arrayOf(OID);
    public static final PgType<List<String>> TEXT_ARRAY = arrayOf(TEXT);
    public static final PgType<List<String>> BPCHAR_ARRAY = arrayOf(BPCHAR);
    public static final PgType<List<String>> VARCHAR_ARRAY = arrayOf(VARCHAR);
    public static final PgType<List<Long>> INT8_ARRAY = arrayOf(INT8);
    public static final PgType<List<Float>> FLOAT4_ARRAY = arrayOf(FLOAT4);
    public static final PgType<List<Double>> FLOAT8_ARRAY = arrayOf(FLOAT8);
    public static final PgType<List<LocalDateTime>> TIMESTAMP_ARRAY = arrayOf(TIMESTAMP);
    public static final PgType<List<LocalDate>> DATE_ARRAY = arrayOf(DATE);
    public static final PgType<List<LocalTime>> TIME_ARRAY = arrayOf(TIME);
    public static final PgType<List<OffsetDateTime>> TIMESTAMPTZ_ARRAY = arrayOf(TIMESTAMPTZ);
    public static final PgType<List<PgInterval>> INTERVAL_ARRAY = arrayOf(INTERVAL);
    public static final PgType<List<Number>> NUMERIC_ARRAY = arrayOf(NUMERIC);
    public static final PgType<List<UUID>> UUID_ARRAY = arrayOf(UUID_TYPE);
    public static final PgType<List<String>> JSON_ARRAY = arrayOf(JSON);
    public static final PgType<List<String>> JSONB_ARRAY = arrayOf(JSONB);

    private static final List<PgType<?>> ALL = List.of(
            BOOL, BYTEA, NAME, INT8, INT2, INT4, TEXT, OID, JSON, FLOAT4, FLOAT8, UNKNOWN, BPCHAR, VARCHAR, DATE, TIME, TIMESTAMP,
            TIMESTAMPTZ, INTERVAL, NUMERIC, UUID_TYPE, JSONB,
            BOOL_ARRAY, BYTEA_ARRAY, NAME_ARRAY, INT2_ARRAY, INT4_ARRAY, OID_ARRAY, TEXT_ARRAY, BPCHAR_ARRAY, VARCHAR_ARRAY, INT8_ARRAY,
            FLOAT4_ARRAY, FLOAT8_ARRAY, TIMESTAMP_ARRAY, DATE_ARRAY, TIME_ARRAY, TIMESTAMPTZ_ARRAY, INTERVAL_ARRAY,
            NUMERIC_ARRAY, UUID_ARRAY, JSON_ARRAY, JSONB_ARRAY);
    private static final Map<Integer, PgType<?>> BY_OID = ALL.stream().collect(Collectors.toUnmodifiableMap(PgType::oid, Function.identity()));
    private static final Map<String, PgType<?>> BY_NAME = ALL.stream().collect(Collectors.toUnmodifiableMap(PgType::name, Function.identity()));

    private final int oid;
    private final String name;
    private final short typeLength;
    private final int arrayTypeOid;
    private final int elementOid;
    private final PgTypeCodec<T> codec;

    private PgType(int oid, String name, int typeLength, int arrayTypeOid, int elementOid, PgTypeCodec<T> codec)
    {
        this.oid = oid;
        this.name = requireNonNull(name, "name is null");
        this.typeLength = (short) typeLength;
        this.arrayTypeOid = arrayTypeOid;
        this.elementOid = elementOid;
        this.codec = requireNonNull(codec, "codec is null");
    }

    private static <T> PgType<T> scalar(int oid, String name, int typeLength, int arrayTypeOid, PgTypeCodec<T> codec)
    {
        return new PgType<>(oid, name, typeLength, arrayTypeOid, 0, codec);
    }

    /** Array types are named after their element with a leading underscore and have no array type themselves. */
    private static <E> PgType<List<E>> arrayOf(PgType<E> element)
    {
        return new PgType<>(element.arrayTypeOid, "_" + element.name, -1, 0, element.oid, new ArrayCodec<>(element));
    }

    public static Optional<PgType<?>> byOid(int oid)
    {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    /** By pg_type.typname, e.g. {@code int4}, {@code _text}; not by SQL spellings such as {@code integer}. */
    public static Optional<PgType<?>> byName(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<PgType<?>> all()
    {
        return ALL;
    }

    public int oid()
    {
        return oid;
    }

    /** pg_type.typname. */
    public String name()
    {
        return name;
    }

    /** pg_type.typlen, as RowDescription reports it: a fixed size in bytes, -1 for variable length, -2 for C strings. */
    public short typeLength()
    {
        return typeLength;
    }

    /** pg_type.typarray: the OID of the array of this type, 0 if there is none (for array types themselves). */
    public int arrayTypeOid()
    {
        return arrayTypeOid;
    }

    /** pg_type.typelem: the element type of an array type, 0 for other types. */
    public int elementOid()
    {
        return elementOid;
    }

    public PgTypeCodec<T> codec()
    {
        return codec;
    }

    /**
     * Encodes a value whose type is known only at run time.
     *
     * @throws ClassCastException if the value is not of this type's Java class
     */
    public byte[] encodeText(Object value)
    {
        return codec.encodeText(codec.javaType().cast(value));
    }

    /** @throws ClassCastException if the value is not of this type's Java class */
    public byte[] encodeBinary(Object value)
    {
        return codec.encodeBinary(codec.javaType().cast(value));
    }

    public T decodeText(byte[] text)
    {
        return codec.decodeText(text);
    }

    public T decodeBinary(byte[] binary)
    {
        return codec.decodeBinary(binary);
    }

    @Override
    public String toString()
    {
        return name;
    }
}
