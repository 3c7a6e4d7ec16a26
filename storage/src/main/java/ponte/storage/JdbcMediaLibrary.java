package ponte.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ponte.core.items.ItemId;
import ponte.core.media.Blob;
import ponte.core.media.Media;
import ponte.core.media.MediaLibrary;
import ponte.core.media.MediaState;
import ponte.core.media.Rendition;
import ponte.core.orgs.OrgId;

/** Media and their renditions in two tables; the processing rows are the rendition queue. */
public final class JdbcMediaLibrary implements MediaLibrary {
    private final Jdbc jdbc;

    public JdbcMediaLibrary(Database db) {
        this.jdbc = new Jdbc(db);
    }

    @Override
    public void create(Media m) {
        jdbc.update("""
                insert into media (id, org_id, content_type, filename, sha256, size_bytes, state, progress, reason, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                m.id(), m.owner().value(), m.contentType(), m.filename(), m.original().sha256(), m.original().size(), m.state().name(),
                m.progress(), m.reason(), m.createdAt());
    }

    @Override
    public Optional<Media> byId(String id) {
        return jdbc.transaction(c -> {
            List<Rendition> renditions = renditions(c, id);
            return Jdbc.query(c, "select * from media where id = ?", rs -> media(rs, renditions), id).stream().findFirst();
        });
    }

    @Override
    public List<Media> owned(OrgId org, java.util.Set<MediaState> states, int limit) {
        if (states.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(states.size(), "?"));
        List<Object> args = new java.util.ArrayList<>();
        args.add(org.value());
        states.stream().map(MediaState::name).sorted().forEach(args::add);
        args.add(limit);
        return jdbc.query("select * from media where org_id = ? and state in (" + in + ") order by created_at desc, id desc limit ?",
                rs -> media(rs, List.of()), args.toArray());
    }

    @Override
    public Optional<Media> claimNext(Instant now, Instant staleBefore) {
        return jdbc.transaction(c -> {
            List<String> candidates = Jdbc.query(c, """
                    select id from media where state = 'PROCESSING' and (claimed_at is null or claimed_at < ?)
                    order by created_at, id limit 5""", rs -> rs.getString(1), staleBefore);
            for (String id : candidates) {
                // Taken only if no one took it since the look: another worker or node may be racing for it.
                int taken = Jdbc.update(c, "update media set claimed_at = ?, progress = 0 where id = ? and state = 'PROCESSING'"
                        + " and (claimed_at is null or claimed_at < ?)", now, id, staleBefore);
                if (taken == 1) {
                    return Jdbc.query(c, "select * from media where id = ?", rs -> media(rs, List.of()), id).stream().findFirst();
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public void progress(String id, int percent, Instant now) {
        jdbc.update("update media set progress = ?, claimed_at = ? where id = ? and state = 'PROCESSING'", percent, now, id);
    }

    @Override
    public void ready(String id, List<Rendition> renditions) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from media_renditions where media_id = ? and name not like 'subtitles-%'", id);
            for (Rendition r : renditions) {
                insert(c, id, r);
            }
            return Jdbc.update(c, "update media set state = 'READY', progress = 100, claimed_at = null, reason = null where id = ?", id);
        });
    }

    @Override
    public void putRendition(String id, Rendition rendition) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from media_renditions where media_id = ? and name = ?", id, rendition.name());
            insert(c, id, rendition);
            return null;
        });
    }

    private static void insert(Connection c, String id, Rendition r) throws SQLException {
        Jdbc.update(c, """
                insert into media_renditions (media_id, name, content_type, sha256, size_bytes, width, height, duration_ms)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, r.name(), r.contentType(), r.blob().sha256(), r.blob().size(), r.width(), r.height(), r.durationMs());
    }

    @Override
    public void failed(String id, String reason) {
        String kept = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
        jdbc.update("update media set state = 'FAILED', claimed_at = null, reason = ? where id = ?", kept, id);
    }

    @Override
    public void carry(ItemId item, List<String> mediaIds) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from item_media where item_id = ?", item.value());
            for (String id : mediaIds.stream().distinct().toList()) {
                Jdbc.update(c, "insert into item_media (media_id, item_id) values (?, ?)", id, item.value());
            }
            return null;
        });
    }

    @Override
    public List<ItemId> carriers(String mediaId) {
        return jdbc.query("select item_id from item_media where media_id = ? order by item_id", rs -> new ItemId(rs.getString(1)), mediaId);
    }

    @Override
    public boolean names(Blob blob) {
        return jdbc.transaction(c -> !Jdbc.query(c, "select 1 from media where sha256 = ? and state <> 'DELETED' limit 1", rs -> 1,
                        blob.sha256()).isEmpty()
                || !Jdbc.query(c, """
                        select 1 from media_renditions r join media m on m.id = r.media_id
                        where r.sha256 = ? and m.state <> 'DELETED' limit 1""", rs -> 1, blob.sha256()).isEmpty());
    }

    /**
     * A file (the row {@code media}) carried by some item and by no item that is not killed, or whose kill (its latest
     * version) is not older than the parameter: an item not found is a co-produced draft never released, not killed.
     */
    private static final String CARRIED_ONLY_BY_OLD_KILLS = """
            media.state in ('READY', 'FAILED')
            and exists (select 1 from item_media im where im.media_id = media.id)
            and not exists (select 1 from item_media im
                            left join items i on i.id = im.item_id
                            left join versions v on v.item_id = i.id and v.version = i.latest_version
                            where im.media_id = media.id
                              and (i.id is null or v.item_id is null or i.killed = false or v.event <> 'killed' or v.created_at >= ?))""";

    @Override
    public List<String> carriedOnlyByItemsKilledBefore(Instant killedBefore, int limit) {
        return jdbc.query("select media.id from media where " + CARRIED_ONLY_BY_OLD_KILLS + " order by media.created_at, media.id limit ?",
                rs -> rs.getString(1), killedBefore, limit);
    }

    @Override
    public boolean delete(String id, Instant killedBefore, Instant now, String reason) {
        return jdbc.update("update media set state = 'DELETED', deleted_at = ?, reason = ?, claimed_at = null, progress = 0 where media.id = ? and "
                + CARRIED_ONLY_BY_OLD_KILLS, now, reason, id, killedBefore) == 1;
    }

    @Override
    public List<Media> deletedNotPurged(int limit) {
        return jdbc.transaction(c -> {
            List<String> ids = Jdbc.query(c, "select id from media where state = 'DELETED' and purged = false order by deleted_at, id limit ?",
                    rs -> rs.getString(1), limit);
            List<Media> out = new java.util.ArrayList<>();
            for (String id : ids) {
                List<Rendition> renditions = renditions(c, id);
                out.addAll(Jdbc.query(c, "select * from media where id = ?", rs -> media(rs, renditions), id));
            }
            return out;
        });
    }

    @Override
    public void purged(String id) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from media_renditions where media_id = ?", id);
            return Jdbc.update(c, "update media set purged = true where id = ? and state = 'DELETED'", id);
        });
    }

    private static List<Rendition> renditions(Connection c, String id) throws SQLException {
        return Jdbc.query(c, "select * from media_renditions where media_id = ? order by name", rs -> new Rendition(
                rs.getString("name"), rs.getString("content_type"), new Blob(rs.getString("sha256"), rs.getLong("size_bytes")),
                Optional.ofNullable((Integer) rs.getObject("width", Integer.class)), Optional.ofNullable(rs.getObject("height", Integer.class)),
                Optional.ofNullable(rs.getObject("duration_ms", Long.class))), id);
    }

    private static Media media(ResultSet rs, List<Rendition> renditions) throws SQLException {
        return new Media(rs.getString("id"), new OrgId(rs.getString("org_id")), rs.getString("content_type"),
                Optional.ofNullable(rs.getString("filename")), new Blob(rs.getString("sha256").strip(), rs.getLong("size_bytes")),
                MediaState.valueOf(rs.getString("state")), rs.getInt("progress"), Optional.ofNullable(rs.getString("reason")),
                Jdbc.instant(rs, "created_at"), renditions, Jdbc.maybeInstant(rs, "deleted_at"));
    }
}
