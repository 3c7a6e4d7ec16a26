package ponte.search;

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
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.Item;
import ponte.core.items.ItemId;
import ponte.core.items.Version;
import ponte.core.orgs.Territories;
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
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(item.id().value());
            out.writeString(item.uri());
            strings(out, item.owners(), OrgId::value);
            instant(out, item.firstCreated());
            out.writeByte(item.killed() ? (byte) 1 : (byte) 0);
            out.writeVInt(version.number());
            out.writeString(version.event().wire());
            instant(out, version.created());
            optional(out, version.content().language());
            out.writeByte(version.content().embargoedUntil().isPresent() ? (byte) 1 : (byte) 0);
            if (version.content().embargoedUntil().isPresent()) {
                instant(out, version.content().embargoedUntil().get());
            }
            out.writeString(version.content().type());
            optional(out, version.content().headline());
            strings(out, version.products(), ProductId::value);
            out.writeByte(version.rights().everywhere() ? (byte) 1 : (byte) 0);
            strings(out, version.rights().include(), CountryCode::value);
            strings(out, version.rights().exclude(), CountryCode::value);
            out.writeString(facts.language());
            out.writeByte(facts.languageDetected() ? (byte) 1 : (byte) 0);
            out.writeVInt(facts.subjects().size());
            for (Candidate.Subject s : facts.subjects()) {
                out.writeString(s.code());
                out.writeString(s.name());
            }
            strings(out, facts.countries(), Function.identity());
            out.writeString(facts.languageSet().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArrayCopy();
    }

    static Candidate decode(byte[] bytes, int offset, int length, Position position) {
        try {
            ByteArrayDataInput in = new ByteArrayDataInput(bytes, offset, length);
            ItemId id = new ItemId(in.readString());
            String uri = in.readString();
            Set<OrgId> owners = strings(in, OrgId::new);
            Instant firstCreated = instant(in);
            boolean killed = (in.readByte() != 0);
            int number = in.readVInt();
            Event event = Event.fromWire(in.readString());
            Instant created = instant(in);
            Optional<String> language = optional(in);
            Optional<Instant> embargo = (in.readByte() != 0) ? Optional.of(instant(in)) : Optional.empty();
            String type = in.readString();
            Optional<String> headline = optional(in);
            Set<ProductId> products = strings(in, ProductId::new);
            boolean everywhere = (in.readByte() != 0);
            Territories rights = new Territories(everywhere, strings(in, CountryCode::new), strings(in, CountryCode::new));
            String effective = in.readString();
            boolean detected = (in.readByte() != 0);
            int subjectCount = in.readVInt();
            List<Candidate.Subject> subjects = new ArrayList<>(subjectCount);
            for (int i = 0; i < subjectCount; i++) {
                subjects.add(new Candidate.Subject(in.readString(), in.readString()));
            }
            Set<String> countries = strings(in, Function.identity());
            ItemId set = new ItemId(in.readString());
            Item item = new Item(id, uri, owners, number, firstCreated, killed);
            Version version = new Version(id, number, event, created, new Content(NOT_KEPT, language, embargo, type, headline),
                    products, rights, Optional.empty());
            return new Candidate(item, version, new Candidate.Facts(effective, detected, subjects, countries, set), position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void strings(DataOutput out, Collection<T> values, Function<T, String> wire) throws IOException {
        out.writeVInt(values.size());
        for (T value : values) {
            out.writeString(wire.apply(value));
        }
    }

    private static <T> Set<T> strings(DataInput in, Function<String, T> parse) throws IOException {
        int n = in.readVInt();
        Set<T> out = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.add(parse.apply(in.readString()));
        }
        return out;
    }

    private static void optional(DataOutput out, Optional<String> value) throws IOException {
        out.writeByte(value.isPresent() ? (byte) 1 : (byte) 0);
        if (value.isPresent()) {
            // Headlines are cut at 2,000 characters, as the store cuts them.
            out.writeString(value.get().length() > 2000 ? value.get().substring(0, 2000) : value.get());
        }
    }

    private static Optional<String> optional(DataInput in) throws IOException {
        return (in.readByte() != 0) ? Optional.of(in.readString()) : Optional.empty();
    }

    private static void instant(DataOutput out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeVInt(t.getNano());
    }

    private static Instant instant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readVInt());
    }
}
