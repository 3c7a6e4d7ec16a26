package ponte.api;

import java.util.Locale;
import java.util.Optional;
import ponte.core.Invalid;
import ponte.formats.NinjsVersions;

/**
 * Picks the {@link Format} from the Accept header (RFC 9110 section 12.5.1: the highest q wins, then the order the
 * client wrote) or from {@code ?ninjs=2.2} for clients that cannot set headers. No Accept means ninjs 3.1; nothing
 * acceptable is a 406 naming what is available.
 */
final class Negotiation {
    static final String AVAILABLE = "application/json (ninjs 3.1), application/json; profile=\"" + NinjsVersions.SCHEMA_22
            + "\" (ninjs 2.2, or ?ninjs=2.2), application/atom+xml, application/rss+xml, " + "application/vnd.iptc.g2.newsitem+xml or "
            + "application/vnd.iptc.g2.newsmessage+xml (NewsML-G2)";

    private Negotiation() {}

    static Format choose(Optional<String> ninjsParameter, String accept) {
        if (ninjsParameter.isPresent()) {
            return switch (ninjsParameter.get()) {
                case "2.2", "2" -> Format.NINJS_22;
                case "3.1", "3" -> Format.NINJS;
                default -> throw new Invalid("/ninjs", "ninjs must be 3.1 or 2.2");
            };
        }
        if (accept == null || accept.isBlank()) {
            return Format.NINJS;
        }
        Format best = null;
        double bestQ = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            String profile = "";
            for (int i = 1; i < parts.length; i++) {
                String[] param = parts[i].split("=", 2);
                String name = param[0].strip().toLowerCase(Locale.ROOT);
                String value = param.length == 2 ? unquote(param[1].strip()) : "";
                if (name.equals("q")) {
                    q = quality(value);
                } else if (name.equals("profile")) {
                    profile = value;
                }
            }
            Format format = format(type, profile);
            if (format != null && q > bestQ) {
                best = format;
                bestQ = q;
            }
        }
        if (best == null) {
            throw new HttpError(406, "Not acceptable", "none of the accepted types is available here; available: " + AVAILABLE);
        }
        return best;
    }

    private static Format format(String type, String profile) {
        return switch (type) {
            case "*/*", "application/*" -> Format.NINJS;
            case "application/json" -> isNinjs22(profile) ? Format.NINJS_22 : Format.NINJS;
            case "application/atom+xml" -> Format.ATOM;
            case "application/rss+xml" -> Format.RSS;
            case "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.packageitem+xml",
                 "application/vnd.iptc.g2.newsmessage+xml" -> Format.NEWSML_G2;
            default -> null;
        };
    }

    // The profile is the schema's URI; accept it with or without the trailing "#" of its $id, over http or https.
    private static boolean isNinjs22(String profile) {
        String p = profile.replaceFirst("^https:", "http:").replaceFirst("#$", "");
        return p.equals(NinjsVersions.SCHEMA_22);
    }

    private static double quality(String value) {
        try {
            double q = Double.parseDouble(value);
            return q < 0 || q > 1 ? 0 : q;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
