package ponte.core.translation;

/**
 * Port: a machine translation engine. Texts are plain text or HTML fragments (a ninjs body), kept in the same form.
 * Languages are BCP 47 tags; an engine that cannot translate the pair refuses with {@link ponte.core.Invalid}, and one
 * that cannot be reached with {@link Unavailable}.
 */
public interface MachineTranslation {
    /** What the engine is and how it makes its output, as the translation's label says it. */
    Engine engine();

    String translate(String text, boolean html, String from, String to);

    /** Whether the engine translates from one language to the other. */
    boolean translates(String from, String to);

    /**
     * The engine's name for the edNote, and the IPTC digital source type of what it makes: a rule-based engine's output
     * is {@code algorithmicMedia} (made by an algorithm, no training data), a neural engine's
     * {@code trainedAlgorithmicMedia} (made by a model trained on sampled content).
     */
    record Engine(String name, String digitalSourceType) {
        public static final String IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/";
        public static final String ALGORITHMIC = IPTC + "algorithmicMedia";
        public static final String TRAINED_ALGORITHMIC = IPTC + "trainedAlgorithmicMedia";
    }

    /** The engine could not be reached or failed: nothing was made (the API answers 503). */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
