package ponte.core.media;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import ponte.core.Invalid;

/**
 * Which of Ponte's renditions a partner wants (★ no agency offers a profile per client): empty sets mean every one.
 * Subtitle tracks are chosen by language. Renditions a file's second or later media have are numbered
 * ({@code proxy-2}) and chosen by their name without the number.
 */
public record RenditionProfile(Set<String> renditions, Set<String> subtitles) {
    /** The renditions Ponte makes ({@code Recipes} in the media module). */
    public static final Set<String> NAMES = Set.of("1080p", "720p", "proxy", "poster", "thumbnails", "large", "medium", "small", "aac");
    public static final RenditionProfile EVERYTHING = new RenditionProfile(Set.of(), Set.of());
    private static final Pattern NUMBERED = Pattern.compile("-\\d+$");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final String SUBTITLES = "subtitles-";

    public RenditionProfile {
        renditions = Set.copyOf(renditions);
        subtitles = Set.copyOf(subtitles);
    }

    /** A profile as a partner asked for it, each value checked at its pointer. */
    public static RenditionProfile of(java.util.List<String> renditions, java.util.List<String> subtitles) {
        for (int i = 0; i < renditions.size(); i++) {
            if (!NAMES.contains(renditions.get(i))) {
                throw new Invalid("/renditions/" + i, "unknown rendition '" + renditions.get(i) + "'; one of " + new java.util.TreeSet<>(NAMES));
            }
        }
        for (int i = 0; i < subtitles.size(); i++) {
            if (!LANGUAGE.matcher(subtitles.get(i)).matches()) {
                throw new Invalid("/subtitles/" + i, "a subtitle language is a BCP 47 tag such as it, en or zh-Hans");
            }
        }
        return new RenditionProfile(Set.copyOf(renditions), Set.copyOf(subtitles));
    }

    /** Whether the partner gets the rendition of this name (as an item's ninjs names it). */
    public boolean wants(String name) {
        Objects.requireNonNull(name);
        String base = NUMBERED.matcher(name).replaceFirst("");
        if (base.startsWith(SUBTITLES)) {
            String language = base.substring(SUBTITLES.length());
            return subtitles.isEmpty() || subtitles.stream().anyMatch(l -> l.equalsIgnoreCase(language));
        }
        return renditions.isEmpty() || renditions.contains(base);
    }
}
