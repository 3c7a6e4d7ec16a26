package ponte.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Real prose in five languages from Debian's translated documentation (installed by bench/search.sh): the Debian
 * Reference in Italian, Simplified Chinese, Japanese and English, and the Debian FAQ in Korean. Sentences are pooled
 * per language; {@link #item} draws a deterministic item from them, so the Ponte and raw Lucene runs index the same
 * documents without keeping a million of them in memory.
 */
final class SearchCorpus {
    /** The mix of the benchmark: a quarter Italian and English each, the rest Chinese, Korean and Japanese. */
    static final List<String> LANGUAGES = List.of("it", "en", "zh-Hans", "ko", "ja");
    private static final int[] SHARE = {25, 25, 20, 15, 15};
    static final List<String> TYPES = List.of("text", "text", "text", "text", "text", "text", "text", "video", "video", "picture");
    static final List<String[]> SUBJECTS = List.of(
            new String[] {"http://cv.iptc.org/newscodes/mediatopic/13000000", "science and technology"},
            new String[] {"http://cv.iptc.org/newscodes/mediatopic/04000000", "economy, business and finance"},
            new String[] {"http://cv.iptc.org/newscodes/mediatopic/05000000", "education"},
            new String[] {"http://cv.iptc.org/newscodes/mediatopic/11000000", "politics"},
            new String[] {"http://cv.iptc.org/newscodes/mediatopic/01000000", "arts, culture, entertainment and media"},
            new String[] {"http://cv.iptc.org/newscodes/mediatopic/15000000", "sport"});
    private static final Pattern TAGS = Pattern.compile("(?s)<(script|style)[^>]*>.*?</\\1>|<[^>]*>");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|(?<=[。！？])");

    record Item(int n, String language, String type, String headline, String body, String[] subject) {}

    private final Map<String, List<String>> sentences;
    private final long seed;

    private SearchCorpus(Map<String, List<String>> sentences, long seed) {
        this.sentences = sentences;
        this.seed = seed;
    }

    static SearchCorpus load() throws IOException {
        return load(0);
    }

    /** Seed 0 draws the items every earlier run drew; another seed, other items from the same sentences. */
    static SearchCorpus load(long seed) throws IOException {
        Path reference = Path.of("/usr/share/debian-reference");
        Path faq = Path.of("/usr/share/doc/debian/FAQ/debian-faq.ko.txt.gz");
        return new SearchCorpus(Map.of(
                "it", split(html(reference, "it")),
                "en", split(html(reference, "en")),
                "zh-Hans", split(html(reference, "zh-cn")),
                "ja", split(html(reference, "ja")),
                "ko", split(gzip(faq).replaceAll("\\s*\\n\\s*", " "))), seed);
    }

    /** Names the prose and the seed (a cached log is only reused for the same documents): sentence counts and lengths. */
    String fingerprint() {
        long h = seed;
        for (String l : LANGUAGES) {
            h = h * 31 + sentences(l);
            h = h * 31 + characters(l);
        }
        return Long.toHexString(h);
    }

    int sentences(String language) {
        return sentences.get(language).size();
    }

    long characters(String language) {
        return sentences.get(language).stream().mapToLong(String::length).sum();
    }

    /** Item {@code n}: the same for every caller. Headline one sentence, body four to eight (about 700 characters). */
    Item item(int n) {
        SplittableRandom random = new SplittableRandom(0x9E3779B97F4A7C15L * (n + 1) ^ seed);
        int pick = random.nextInt(100);
        int l = 0;
        for (int acc = SHARE[0]; pick >= acc; acc += SHARE[++l]) {
            // walks the shares
        }
        String language = LANGUAGES.get(l);
        List<String> pool = sentences.get(language);
        String headline = cut(pool.get(random.nextInt(pool.size())), 140);
        StringBuilder body = new StringBuilder();
        int count = 4 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            body.append(pool.get(random.nextInt(pool.size()))).append(language.equals("it") || language.equals("en") || language.equals("ko") ? " " : "");
        }
        return new Item(n, language, TYPES.get(random.nextInt(TYPES.size())), headline, body.toString().strip(), SUBJECTS.get(random.nextInt(SUBJECTS.size())));
    }

    /** Random words and pairs of words of a language, as people type them: for Chinese and Japanese, 2-3 characters of a sentence. */
    List<String> queries(String language, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> pool = sentences.get(language);
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String s = pool.get(random.nextInt(pool.size()));
            String q = (language.equals("zh-Hans") || language.equals("ja")) ? ideographs(s, random) : words(s, random, out.size() % 3 == 2 ? 2 : 1);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    private static String ideographs(String s, SplittableRandom random) {
        String han = s.replaceAll("[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]", " ").strip();
        String[] runs = han.split("\\s+");
        String run = runs[random.nextInt(runs.length)];
        if (run.length() < 2) {
            return null;
        }
        int len = Math.min(run.length(), 2 + random.nextInt(2));
        int at = random.nextInt(run.length() - len + 1);
        return run.substring(at, at + len);
    }

    private static String words(String s, SplittableRandom random, int n) {
        List<String> words = Stream.of(s.split("[^\\p{L}]+")).filter(w -> w.codePointCount(0, w.length()) >= 4).toList();
        if (words.size() < n) {
            return null;
        }
        int at = random.nextInt(words.size() - n + 1);
        return String.join(" ", words.subList(at, at + n));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String html(Path dir, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("." + suffix + ".html")).sorted().toList()) {
                text.append(TAGS.matcher(Files.readString(f)).replaceAll(" ")).append('\n');
            }
        }
        if (text.isEmpty()) {
            throw new IOException("no " + suffix + " pages in " + dir + ": run bench/search.sh, which installs debian-reference-" + suffix);
        }
        return text.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&nbsp;", " ").replace("&quot;", "\"");
    }

    private static String gzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sentences of 20 to 400 characters: shorter are headings and code, longer are tables run together. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*", "\n"))) {
            String t = s.replace('\n', ' ').strip();
            if (t.length() >= 20 && t.length() <= 400) {
                out.add(t);
            }
        }
        return out;
    }
}
