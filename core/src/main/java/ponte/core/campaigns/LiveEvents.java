package ponte.core.campaigns;

import java.util.List;
import java.util.Optional;

/** Port: live events and the viewer samples their partners reported. */
public interface LiveEvents {
    void create(LiveEvent event);

    Optional<LiveEvent> byId(String id);

    Optional<LiveEvent> byCode(String code);

    /** The live events of these campaigns, by start. */
    List<LiveEvent> ofCampaigns(List<String> campaigns);

    /** Committed before it returns; a sample at the same moment as one reported before replaces it. */
    void report(String event, List<ViewerSample> samples);

    /** The samples reported, by time. */
    List<ViewerSample> samples(String event);
}
