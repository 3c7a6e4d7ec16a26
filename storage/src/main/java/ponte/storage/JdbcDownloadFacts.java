package ponte.storage;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import ponte.core.items.ItemId;
import ponte.core.media.DownloadFacts;
import ponte.core.media.Downloaded;

/** Media download reach facts, inserted a batch at a time. */
public final class JdbcDownloadFacts implements DownloadFacts {
    private final Jdbc jdbc;

    public JdbcDownloadFacts(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void record(List<Downloaded> facts) {
        jdbc.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into media_downloads (org_id, item_id, version, media_id, rendition, bytes, on_day, downloaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement wait = c.prepareStatement(ReachGroups.QUEUE_READ)) {
                for (Downloaded f : facts) {
                    Jdbc.bind(ps, f.org().value(), f.item().value(), f.version(), f.media(), f.rendition(), f.bytes(),
                            java.sql.Date.valueOf(f.at().atOffset(ZoneOffset.UTC).toLocalDate()), f.at());
                    ps.addBatch();
                    ReachGroups.queueRead(wait, f.org().value(), f.item().value(), f.version());
                }
                ps.executeBatch();
                wait.executeBatch();
            }
            return null;
        });
    }

    @Override
    public long countFor(ItemId item) {
        return jdbc.one("select count(*) from media_downloads where item_id = ?", rs -> rs.getLong(1), item.value()).orElse(0L);
    }
}
