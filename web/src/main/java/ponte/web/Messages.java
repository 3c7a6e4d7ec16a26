package ponte.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every visible string of the UI, per language: UTF-8 properties files {@code ponte/web/messages/<tag>.properties}.
 * English is the reference; {@code MessagesTest} fails when another language lacks a key or has one too many.
 */
public final class Messages {
    /** The UI's languages, BCP 47, in the order the language menu lists them. */
    public static final List<String> LANGUAGES = List.of("en", "it", "zh-Hans", "ko");

    private final String language;
    private final Locale locale;
    private final Map<String, String> texts;
    private final java.time.format.DateTimeFormatter dateTime;

    private Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.texts = texts;
        // Made once: looking up a locale's pattern per call cost a few percent of a page with fifty times on it.
        this.dateTime = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM).withLocale(locale)
                .withZone(java.time.ZoneOffset.UTC);
    }

    private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile("\\{\\d+,");

    /** Whether a text's placeholders are all plain ({0}) and it quotes nothing, so MessageFormat would only substitute. */
    private static boolean plain(String text) {
        return text.indexOf('\'') < 0 && !TYPED.matcher(text).find();
    }

    /** Date and time in this language's medium form, in UTC. */
    public java.time.format.DateTimeFormatter dateTime() {
        return dateTime;
    }

    /** The bundles of every UI language, read once. */
    public static Map<String, Messages> load() {
        Map<String, Messages> all = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            all.put(language, new Messages(language, read(language)));
        }
        return all;
    }

    private static Map<String, String> read(String language) {
        String name = "/ponte/web/messages/" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no message bundle " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    public Set<String> keys() {
        return new TreeSet<>(texts.keySet());
    }

    /** Whether this language has a text for {@code key}. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text for {@code key}, with {@code args} put in its {0}, {1}… in this language's number and date forms. */
    public String t(String key, Object... args) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message " + key + " in " + language);
        }
        if (args.length == 0) {
            return text;
        }
        // Plain placeholders ({0}, no number or date types, no quoting) are put in directly: a MessageFormat is parsed
        // anew per call (it is not thread-safe to share), which cost a visible share of a page's render.
        if (plain(text) && java.util.Arrays.stream(args).noneMatch(a -> a instanceof Number)) {
            String out = text;
            for (int i = 0; i < args.length; i++) {
                out = out.replace("{" + i + "}", String.valueOf(args[i]));
            }
            return out;
        }
        return new MessageFormat(text, locale).format(args);
    }
}
