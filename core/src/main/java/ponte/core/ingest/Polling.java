package ponte.core.ingest;

/** Port: whatever polls sources (the ingest adapter), told when sources come, change and go. */
public interface Polling {
    /** Starts polling a new source, first at once. */
    void start(Source source);

    /** The source changed (or was paused, resumed, or asked to poll now): it is polled again at once unless paused. */
    void wake(String sourceId);

    /** The source was removed: polling stops. */
    void stop(String sourceId);

    Polling NONE = new Polling() {
        @Override
        public void start(Source source) {}

        @Override
        public void wake(String sourceId) {}

        @Override
        public void stop(String sourceId) {}
    };
}
