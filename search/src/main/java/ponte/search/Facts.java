package ponte.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.licensing.Territories;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.OrgId;
import ponte.core.products.ProductId;
import ponte.core.search.Candidate;
import ponte.core.search.Position;

/**
 * What a candidate is, as the gate and the facets need it, in one compact binary doc value per document: reading a
 * window of a thousand candidates is then a thousand sequential reads, not a thousand stored-document loads. Times are
 * kept to the nanosecond, as the gate compares them.
 */
final class Facts {
    /** The ninjs document is not in the index; nothing renders a candidate's content, the gate reads only its facts. */
    private static final String NOT_KEPT = "{}";

    private Facts() {}

    static byte[] encode(Item item, Version version, Candidate.Facts facts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(item.id().value());
            out.writeUTF(item.uri());
            strings(out, item.owners(), OrgId::value);
            instant(out, item.firstCreated());
            out.writeBoolean(item.killed());
            out.writeInt(version.number());
            out.writeUTF(version.event().wire());
            instant(out, version.created());
            optional(out, version.content().language());
            out.writeBoolean(version.content().embargoedUntil().isPresent());
            if (version.content().embargoedUntil().isPresent()) {
                instant(out, version.content().embargoedUntil().get());
            }
            out.writeUTF(version.content().type());
            optional(out, version.content().headline());
            strings(out, version.products(), ProductId::value);
            out.writeBoolean(version.rights().everywhere());
            strings(out, version.rights().include(), CountryCode::value);
            strings(out, version.rights().exclude(), CountryCode::value);
            out.writeUTF(facts.language());
            out.writeBoolean(facts.languageDetected());
            out.writeInt(facts.subjects().size());
            for (Candidate.Subject s : facts.subjects()) {
                out.writeUTF(s.code());
                out.writeUTF(s.name());
            }
            strings(out, facts.countries(), Function.identity());
            out.writeUTF(facts.languageSet().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Candidate decode(byte[] bytes, int offset, int length, Position position) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            ItemId id = new ItemId(in.readUTF());
            String uri = in.readUTF();
            Set<OrgId> owners = strings(in, OrgId::new);
            Instant firstCreated = instant(in);
            boolean killed = in.readBoolean();
            int number = in.readInt();
            Event event = Event.fromWire(in.readUTF());
            Instant created = instant(in);
            Optional<String> language = optional(in);
            Optional<Instant> embargo = in.readBoolean() ? Optional.of(instant(in)) : Optional.empty();
            String type = in.readUTF();
            Optional<String> headline = optional(in);
            Set<ProductId> products = strings(in, ProductId::new);
            boolean everywhere = in.readBoolean();
            Territories rights = new Territories(everywhere, strings(in, CountryCode::new), strings(in, CountryCode::new));
            String effective = in.readUTF();
            boolean detected = in.readBoolean();
            int subjectCount = in.readInt();
            List<Candidate.Subject> subjects = new ArrayList<>(subjectCount);
            for (int i = 0; i < subjectCount; i++) {
                subjects.add(new Candidate.Subject(in.readUTF(), in.readUTF()));
            }
            Set<String> countries = strings(in, Function.identity());
            ItemId set = new ItemId(in.readUTF());
            Item item = new Item(id, uri, owners, number, firstCreated, killed);
            Version version = new Version(id, number, event, created, new Content(NOT_KEPT, language, embargo, type, headline),
                    products, rights, Optional.empty());
            return new Candidate(item, version, new Candidate.Facts(effective, detected, subjects, countries, set), position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void strings(DataOutputStream out, Collection<T> values, Function<T, String> wire) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            out.writeUTF(wire.apply(value));
        }
    }

    private static <T> Set<T> strings(DataInputStream in, Function<String, T> parse) throws IOException {
        int n = in.readInt();
        Set<T> out = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.add(parse.apply(in.readUTF()));
        }
        return out;
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            // writeUTF holds 65,535 bytes; headlines are cut at 2,000 characters by the store as well.
            out.writeUTF(value.get().length() > 2000 ? value.get().substring(0, 2000) : value.get());
        }
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
