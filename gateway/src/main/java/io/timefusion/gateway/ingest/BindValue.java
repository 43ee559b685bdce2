package io.timefusion.gateway.ingest;

/**
 * One parameter of a Bind message as the client sent it: the raw bytes (null for NULL), whether they are in binary
 * format, and the type OID the client declared in Parse (0 when it left the type open).
 */
public record BindValue(byte[] raw, boolean binary, int declaredTypeOid) {}
