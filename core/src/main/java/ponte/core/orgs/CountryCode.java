package ponte.core.orgs;

import java.util.Locale;
import java.util.Set;
import ponte.core.Invalid;

/** An ISO 3166-1 alpha-2 country code, upper case. */
public record CountryCode(String value) implements Comparable<CountryCode> {
    private static final Set<String> ISO_3166_1 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO_3166_1.contains(value)) {
            throw new Invalid("/country", "'" + value + "' is not an ISO 3166-1 alpha-2 country code (e.g. IT, CN, KR)");
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value);
    }

    public static Set<String> all() {
        return ISO_3166_1;
    }

    @Override
    public int compareTo(CountryCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
