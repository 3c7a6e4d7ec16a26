package ponte.core.campaigns;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ponte.core.Invalid;
import ponte.core.items.ItemId;

/** What a campaign says: which items, under which agreement, on which partners' channels, when, in which languages. */
public record CampaignTerms(String title, String agreement, List<ItemId> items, List<Channel> channels, Optional<Instant> validFrom,
                            Optional<Instant> validTo, Set<String> languages) {
    public CampaignTerms {
        Objects.requireNonNull(agreement);
        items = List.copyOf(items);
        channels = List.copyOf(channels);
        Objects.requireNonNull(validFrom);
        Objects.requireNonNull(validTo);
        languages = Set.copyOf(languages);
        if (title == null || title.isBlank()) {
            throw new Invalid("/title", "title is required");
        }
        if (items.isEmpty()) {
            throw new Invalid("/items", "a campaign promotes at least one item");
        }
        if (channels.isEmpty()) {
            throw new Invalid("/channels", "a campaign runs on at least one channel");
        }
        if (new HashSet<>(items).size() != items.size()) {
            throw new Invalid("/items", "an item is named twice");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            if (!ids.add(channels.get(i).id())) {
                throw new Invalid("/channels/" + i + "/id", "channel id " + channels.get(i).id() + " is used twice");
            }
        }
        if (validFrom.isPresent() && validTo.isPresent() && !validFrom.get().isBefore(validTo.get())) {
            throw new Invalid("/validTo", "validTo must be after validFrom");
        }
    }

    public Optional<Channel> channel(String id) {
        return channels.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
