package ponte.storage;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ponte.core.media.RenditionProfile;
import ponte.core.media.RenditionProfiles;
import ponte.core.orgs.OrgId;

public final class JdbcRenditionProfiles implements RenditionProfiles {
    private final Jdbc jdbc;

    public JdbcRenditionProfiles(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public Optional<RenditionProfile> of(OrgId org) {
        return jdbc.one("select renditions, subtitles from rendition_profiles where org_id = ?",
                rs -> new RenditionProfile(words(rs.getString(1)), words(rs.getString(2))), org.value());
    }

    @Override
    public void save(OrgId org, RenditionProfile profile) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from rendition_profiles where org_id = ?", org.value());
            return Jdbc.update(c, "insert into rendition_profiles (org_id, renditions, subtitles) values (?, ?, ?)", org.value(),
                    String.join(" ", new java.util.TreeSet<>(profile.renditions())), String.join(" ", new java.util.TreeSet<>(profile.subtitles())));
        });
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split(" ")).filter(w -> !w.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
