package io.timefusion.gateway.cache;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table names found in statement text, without parsing SQL: the table a write targets, and every word a read
 * could use to name a table. Both err towards invalidating more: a word in a string literal or a column with a
 * table's name counts as reading that table.
 */
final class TableNames
{
    private static final String NAME_PART = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_]*)";
    private static final Pattern WRITE_TARGET = Pattern.compile(
            "(?is)\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+(" + NAME_PART + "(?:\\s*\\.\\s*" + NAME_PART + ")*)");
    private static final Pattern LAST_PART = Pattern.compile(NAME_PART + "\\s*$");

    private TableNames() {}

    /**
     * The table an INSERT, UPDATE, DELETE or MERGE writes, lower case and without catalog and schema; empty when
     * the statement has another shape or the name is not a plain word that {@link #readCandidates} would find.
     */
    static Optional<String> written(String sql)
    {
        Matcher target = WRITE_TARGET.matcher(sql);
        if (!target.lookingAt()) {
            return Optional.empty();
        }
        Matcher last = LAST_PART.matcher(target.group(1));
        if (!last.find()) {
            return Optional.empty();
        }
        String part = last.group();
        String name = (part.startsWith("\"") ? part.substring(1, part.length() - 1).replace("\"\"", "\"") : part).toLowerCase(Locale.ROOT);
        return readCandidates(name).equals(Set.of(name)) ? Optional.of(name) : Optional.empty();
    }

    /** Every run of letters, digits and underscores in the statement, lower case: a superset of the tables it reads. */
    static Set<String> readCandidates(String sql)
    {
        Set<String> words = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= sql.length(); i++) {
            boolean wordCharacter = i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_');
            if (wordCharacter && start < 0) {
                start = i;
            }
            else if (!wordCharacter && start >= 0) {
                words.add(sql.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return words;
    }
}
