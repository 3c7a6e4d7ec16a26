package ponte.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The renditions of an item as its reader received them (a partner's copy: only those it chose, each href signed for
 * it), read out of the rendered ninjs so the page shows exactly what the feed hands out: what to play, its poster, its
 * subtitle tracks, and every file to download.
 */
public record MediaView(List<File> files) {
    /** One rendition: its name, link, type, and what ninjs says of its size and dimensions. */
    public record File(String name, String href, String contentType, Optional<Integer> width, Optional<Integer> height, Optional<Long> size) {
        boolean is(String type) {
            return contentType.startsWith(type + "/");
        }

        /** The language of a subtitle track, from its name ({@code subtitles-zh-Hans}). */
        public String language() {
            return name.startsWith("subtitles-") ? name.substring("subtitles-".length()) : "";
        }

        public Optional<String> dimensions() {
            return width.flatMap(w -> height.map(h -> w + "×" + h));
        }
    }

    public MediaView {
        files = List.copyOf(files);
    }

    /** Reads {@code renditions} of a ninjs 3.1 document; renditions without an href are skipped. */
    public static MediaView of(JsonNode ninjs) {
        List<File> files = new ArrayList<>();
        for (JsonNode r : ninjs.path("renditions")) {
            String href = r.path("href").asString("");
            if (href.isBlank()) {
                continue;
            }
            files.add(new File(r.path("name").asString(""), href, r.path("contentType").asString(""), number(r, "width").map(Long::intValue),
                    number(r, "height").map(Long::intValue), number(r, "sizeInBytes")));
        }
        return new MediaView(files);
    }

    /** A file's renditions as its own org's desk plays them, through the session's route. */
    public static MediaView of(ponte.core.media.Media media) {
        return new MediaView(media.renditions().stream().map(r -> new File(r.name(), MediaPages.href(media.id(), r.name()), r.contentType(),
                r.width(), r.height(), Optional.of(r.blob().size()))).toList());
    }

    /**
     * The same renditions played on the owner's desk: each of Ponte's own files (its href leads to {@code /v1/media/},
     * where a key is asked for) through the session's route; renditions linked elsewhere keep their href.
     */
    public MediaView onDesk() {
        return new MediaView(files.stream().map(f -> {
            java.util.regex.Matcher m = PONTE_HREF.matcher(f.href());
            return m.find() ? new File(f.name(), MediaPages.href(m.group(1), m.group(2)), f.contentType(), f.width(), f.height(), f.size()) : f;
        }).toList());
    }

    private static final java.util.regex.Pattern PONTE_HREF = java.util.regex.Pattern.compile("/v1/media/([^/?#]+)/renditions/([^/?#]+)");

    private static Optional<Long> number(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n != null && n.isNumber() ? Optional.of(n.asLong()) : Optional.empty();
    }

    /** The video to play: the proxy (small, starts at once), else the smallest of the others. */
    public Optional<File> video() {
        return named("proxy").filter(f -> f.is("video")).or(() -> files.stream().filter(f -> f.is("video"))
                .min(java.util.Comparator.comparing(f -> f.size().orElse(Long.MAX_VALUE))));
    }

    public Optional<File> poster() {
        return named("poster").filter(f -> f.is("image"));
    }

    /** A photo to show when there is no video: the large rendition, else medium, else any picture. */
    public Optional<File> photo() {
        if (video().isPresent()) {
            return Optional.empty();
        }
        return named("large").or(() -> named("medium")).filter(f -> f.is("image")).or(() -> files.stream().filter(f -> f.is("image")).findFirst());
    }

    /** Audio to play when there is neither video nor photo. */
    public Optional<File> audio() {
        if (video().isPresent() || photo().isPresent()) {
            return Optional.empty();
        }
        return files.stream().filter(f -> f.is("audio")).findFirst();
    }

    /** The subtitle tracks (WebVTT), one per language. */
    public List<File> tracks() {
        return files.stream().filter(f -> f.contentType().startsWith("text/vtt") && !f.language().isBlank()).toList();
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private Optional<File> named(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
