package ponte.core.campaigns;

/** Clicks on one link: by people, by distinct visitors (per day, summed over days), and by bots apart. */
public record ClickCount(long clicks, long unique, long bots) {
    public static final ClickCount NONE = new ClickCount(0, 0, 0);
}
