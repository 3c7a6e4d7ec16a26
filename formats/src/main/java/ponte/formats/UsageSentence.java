package ponte.formats;

import java.util.TreeSet;
import ponte.core.items.Version;
import ponte.core.licensing.Licence;
import ponte.core.orgs.Territories;
import ponte.core.licensing.Validity;
import ponte.core.products.ProductId;

/**
 * The licence a partner reads under, in one plain-English sentence for ninjs' usageTerms ("a natural-language
 * statement about the usage terms"): most receiving desks read this, not the ODRL in rightsInfo.
 */
final class UsageSentence {
    private UsageSentence() {}

    static String of(Version version, Licence licence, NinjsWriter.Terms terms) {
        StringBuilder out = new StringBuilder()
                .append("Licensed by ").append(terms.licensorName()).append(" to ").append(terms.licenseeName())
                .append(": products ").append(String.join(", ", licence.products().stream().map(ProductId::value).sorted().toList()))
                .append("; territories ").append(licence.territories())
                .append("; languages ").append(licence.languages().isEmpty() ? "any" : String.join(", ", new TreeSet<>(licence.languages())))
                .append("; ").append(validity(licence.validity()))
                .append("; embargo delay ").append(licence.embargoDelay())
                .append('.');
        Territories rights = version.rights();
        if (!rights.everywhere() || !rights.exclude().isEmpty()) {
            out.append(" This item's own rights allow territories ").append(rights).append(" only.");
        }
        return out.toString();
    }

    private static String validity(Validity validity) {
        if (validity.from().isPresent() && validity.to().isPresent()) {
            return "valid from " + validity.from().get() + " until " + validity.to().get();
        }
        return validity.to().map(to -> "valid until " + to)
                .or(() -> validity.from().map(from -> "valid from " + from))
                .orElse("valid without end date");
    }
}
