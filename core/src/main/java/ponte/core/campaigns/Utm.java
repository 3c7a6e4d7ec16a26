package ponte.core.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Google Analytics' campaign parameters on a booking URL. The URL's own query is kept, parameter for parameter and
 * byte for byte, except for utm_source, utm_medium and utm_campaign, which Ponte sets: a booking site then counts the
 * click under the partner that brought it, whatever the URL was registered with.
 */
final class Utm {
    private static final Set<String> OURS = Set.of("utm_source", "utm_medium", "utm_campaign");

    private Utm() {}

    /** Ponte's values are ids, URL-safe by construction ({@link ponte.core.Ids#URL_SAFE}): nothing to encode. */
    static String tag(String url, String source, String medium, String campaign) {
        int hash = url.indexOf('#');
        String fragment = hash >= 0 ? url.substring(hash) : "";
        String beforeFragment = hash >= 0 ? url.substring(0, hash) : url;
        int mark = beforeFragment.indexOf('?');
        String raw = mark >= 0 ? beforeFragment.substring(mark + 1) : "";
        String base = mark >= 0 ? beforeFragment.substring(0, mark) : beforeFragment;
        List<String> query = new ArrayList<>();
        if (!raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String name = pair.split("=", 2)[0];
                if (!pair.isEmpty() && !OURS.contains(name)) {
                    query.add(pair);
                }
            }
        }
        query.add("utm_source=" + source);
        query.add("utm_medium=" + medium);
        query.add("utm_campaign=" + campaign);
        return base + "?" + String.join("&", query) + fragment;
    }
}
