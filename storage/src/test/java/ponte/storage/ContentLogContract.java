package ponte.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.KeyId;
import ponte.core.access.Role;
import ponte.core.agreements.AgreementVersion;
import ponte.core.audit.Action;
import ponte.core.audit.Actor;
import ponte.core.audit.AuditTrail;
import ponte.core.agreements.Grant;
import ponte.core.agreements.Terms;
import ponte.core.items.Change;
import ponte.core.items.Content;
import ponte.core.items.Event;
import ponte.core.items.ItemId;
import ponte.core.licensing.Entitlements;
import ponte.core.licensing.Validity;
import ponte.core.log.Appended;
import ponte.core.log.ContentLog;
import ponte.core.log.Cursor;
import ponte.core.log.FeedEntry;
import ponte.core.log.Feeds;
import ponte.core.log.IndexEntry;
import ponte.core.log.LogEntry;
import ponte.core.log.LogEvent;
import ponte.core.orgs.CountryCode;
import ponte.core.orgs.Org;
import ponte.core.orgs.OrgId;
import ponte.core.orgs.OrgKind;
import ponte.core.orgs.Territories;
import ponte.core.products.ProductId;
import ponte.core.publishing.Appending;

/**
 * What the content-log port promises ({@link ContentLog}, docs/architecture.md "The log and its guarantees"), specified
 * once and run against each database the log runs on. Real components throughout: the log, the gate over the network
 * read from the same database, and core's {@link Appending}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentLogContract {
    private static final ProductId NEWS = new ProductId("news");

    /** One node: its log, its gate, and the entries its log handed on after each commit, in order. */
    record Node(JdbcContentLog log, Entitlements entitlements, List<LogEntry> handedOn) {}

    private final AtomicInteger names = new AtomicInteger();
    private final List<Node> nodes = new ArrayList<>();
    private final GatedClock clock = new GatedClock();
    private Database db;
    private JdbcOrgs orgs;
    private JdbcAgreements agreements;
    private Node node;

    /** A migrated database of this class's own. */
    abstract Database openDatabase() throws Exception;

    /** Whether several nodes may share the database (each with its own writer, gate and memory). */
    abstract boolean severalNodes();

    @BeforeAll
    void open() throws Exception {
        db = openDatabase();
        orgs = new JdbcOrgs(db, Clock.systemUTC(), new Ids(new SecureRandom()));
        agreements = new JdbcAgreements(db);
        node = newNode();
    }

    @AfterAll
    void close() {
        nodes.forEach(n -> n.log().close());
        db.close();
    }

    private Node newNode() {
        Entitlements entitlements = new Entitlements(() -> JdbcAgreements.network(agreements, orgs));
        List<LogEntry> handedOn = new CopyOnWriteArrayList<>();
        JdbcContentLog log = new JdbcContentLog(db, new Appending(entitlements, clock), new NetworkFreshness(db, entitlements::refresh), handedOn::addAll);
        Node made = new Node(log, entitlements, handedOn);
        nodes.add(made);
        return made;
    }

    /** Another node on the same database where there can be one; embedded, the one node. */
    private Node otherNode() {
        return severalNodes() ? newNode() : node;
    }

    @Test
    void appendedEntryIsReadBackInOrder() {
        OrgId agency = org("agency", "IT");
        Cursor before = node.log().head();

        Appended published = node.log().append(publish(agency, Optional.empty()));
        ItemId item = published.revision().item().id();
        Appended updated = node.log().append(new Change.Revise(agency, item, content("second"), Event.UPDATED));
        Appended killed = node.log().append(new Change.Kill(agency, item, "wrong"));

        List<LogEntry> read = node.log().since(before, 10);
        assertThat(read).extracting(LogEntry::cursor).containsExactly(published.cursor(), updated.cursor(), killed.cursor());
        assertThat(read).extracting(LogEntry::event).containsExactly(LogEvent.PUBLISHED, LogEvent.UPDATED, LogEvent.KILLED);
        assertThat(read).extracting(e -> e.version().number()).containsExactly(1, 2, 3);
        assertThat(read.getLast().item().killed()).isTrue();
        assertThat(read.getFirst().item().owners()).containsExactly(agency);
        assertThat(killed.cursor().seq()).isEqualTo(published.cursor().seq() + 2);
        assertThat(node.log().head()).isEqualTo(killed.cursor());
        assertThat(node.log().entries(before, 10)).extracting(IndexEntry::event)
                .containsExactly(LogEvent.PUBLISHED, LogEvent.UPDATED, LogEvent.KILLED);
        assertThat(node.log().changedAfter(before, 10)).containsExactly(item, item, item);
        assertThat(node.log().before(published.at())).isEqualTo(before);
    }

    @Test
    void committedEntriesAreHandedOnInLogOrder() {
        OrgId agency = org("agency", "IT");
        Appended first = node.log().append(publish(agency, Optional.empty()));
        Appended second = node.log().append(publish(agency, Optional.empty()));

        // Handed on after the callers are answered, on the writer's thread.
        await().atMost(Duration.ofSeconds(10)).until(() -> node.handedOn().stream().anyMatch(e -> e.cursor().equals(second.cursor())));
        assertThat(node.handedOn()).extracting(LogEntry::cursor).containsSubsequence(first.cursor(), second.cursor());
        assertThat(node.handedOn()).filteredOn(e -> e.cursor().equals(second.cursor())).singleElement()
                .isEqualTo(second.entry());
    }

    @Test
    void refusedChangeDoesNotFailItsGroup() throws Exception {
        OrgId agency = org("agency", "IT");
        OrgId rival = org("rival", "FR");
        String rivalsUri = "urn:rival:" + rival.value();
        node.log().append(publish(rival, Optional.of(rivalsUri)));
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            // The writer is held inside the first change while the next three queue: they commit as one group.
            clock.hold();
            CompletableFuture<Appended> first = CompletableFuture.supplyAsync(() -> node.log().append(publish(agency, Optional.empty())), callers);
            clock.awaitHeld();
            CompletableFuture<Appended> good = CompletableFuture.supplyAsync(() -> node.log().append(publish(agency, Optional.empty())), callers);
            awaitQueued(1);
            CompletableFuture<Appended> conflict = CompletableFuture.supplyAsync(
                    () -> node.log().append(publish(agency, Optional.of(rivalsUri))), callers);
            awaitQueued(2);
            CompletableFuture<Appended> missing = CompletableFuture.supplyAsync(
                    () -> node.log().append(new Change.Kill(agency, new ItemId("no-such-item"), "gone")), callers);
            awaitQueued(3);
            CompletableFuture<Appended> alsoGood = CompletableFuture.supplyAsync(() -> node.log().append(publish(agency, Optional.empty())), callers);
            awaitQueued(4);
            clock.release();

            first.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> conflict.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(Conflict.class);
            assertThatThrownBy(() -> missing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(NotFound.class);
            Cursor goodAt = good.get(30, TimeUnit.SECONDS).cursor();
            // The refused changes took no position: the group's good entries are neighbours on the log.
            assertThat(alsoGood.get(30, TimeUnit.SECONDS).cursor().seq()).isEqualTo(goodAt.seq() + 1);
            assertThat(node.log().since(new Cursor(goodAt.seq() - 1), 10)).extracting(LogEntry::cursor)
                    .containsExactly(goodAt, new Cursor(goodAt.seq() + 1));
        } finally {
            clock.release();
            callers.shutdown();
        }
    }

    /**
     * A group is written in batches, one per table: a change refused after it made rows (a translation of another
     * org's item), a change whose rows the database refuses (a document over the column's million characters), and
     * the good changes around them, some reading what the group wrote before them (a revision, and a republish of a
     * uri first published in the group). The good ones commit in their order, on neighbouring positions, each read back
     * as written and audited once; the refused leave no row.
     */
    @Test
    void aGroupWrittenInBatchesCommitsItsGoodChangesInOrderWhateverItsOthersDo() throws Exception {
        OrgId agency = org("agency", "IT");
        OrgId rival = org("rival", "FR");
        OrgId partner = org("partner", "DE");
        license(agency, partner);
        Actor editor = Actor.of(new Caller.Member(agency, Role.EDITOR, Optional.empty(), Optional.empty()));
        ItemId rivals = node.log().append(publish(rival, Optional.empty())).revision().item().id();
        String uri = "urn:agency:batched:" + names.incrementAndGet();
        ItemId first = new ItemId("item-" + names.incrementAndGet());
        ItemId stranger = new ItemId("item-" + names.incrementAndGet());
        ItemId tooLong = new ItemId("item-" + names.incrementAndGet());
        JdbcAuditTrail trail = new JdbcAuditTrail(db);
        long auditedBefore = trail.read(everything()).stream().mapToLong(AuditTrail.Recorded::position).max().orElse(0);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<Appended>> answers = new ArrayList<>();
        try {
            clock.hold(); // the writer waits inside this one while the rest queue: they are one group
            CompletableFuture<Appended> holding = CompletableFuture.supplyAsync(() -> node.log().append(publish(agency, Optional.empty()), editor), callers);
            clock.awaitHeld();
            List<Change> group = List.of(
                    new Change.Publish(agency, first, Optional.of(uri), content("one"), Set.of(NEWS), Territories.WORLDWIDE),
                    new Change.Publish(agency, stranger, Optional.empty(), content("theirs"), Set.of(NEWS), Territories.WORLDWIDE, Optional.of(rivals)),
                    new Change.Revise(agency, first, content("two"), Event.CORRECTED),
                    new Change.Publish(agency, tooLong, Optional.empty(), new Content("{\"x\":\"" + "x".repeat(1_000_001) + "\"}",
                            Optional.of("en"), Optional.empty(), "text", Optional.of("long")), Set.of(NEWS), Territories.WORLDWIDE),
                    new Change.Publish(agency, new ItemId("item-" + names.incrementAndGet()), Optional.of(uri), content("three"), Set.of(NEWS), Territories.WORLDWIDE),
                    publish(agency, Optional.empty()));
            for (Change change : group) {
                answers.add(CompletableFuture.supplyAsync(() -> node.log().append(change, editor), callers));
                awaitQueued(answers.size());
            }
            clock.release();
            long held = holding.get(30, TimeUnit.SECONDS).cursor().seq();

            assertThatThrownBy(() -> answers.get(1).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ponte.core.Invalid.class);
            assertThatThrownBy(() -> answers.get(3).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StorageFailure.class);
            List<Appended> good = List.of(answers.get(0).get(), answers.get(2).get(), answers.get(4).get(), answers.get(5).get());
            assertThat(good).extracting(a -> a.cursor().seq()).containsExactly(held + 1, held + 2, held + 3, held + 4);
            assertThat(good).extracting(a -> a.revision().event())
                    .containsExactly(LogEvent.PUBLISHED, LogEvent.CORRECTED, LogEvent.UPDATED, LogEvent.PUBLISHED);
            assertThat(good.subList(0, 3)).allSatisfy(a -> assertThat(a.revision().item().id()).isEqualTo(first));
            assertThat(good.subList(0, 3)).extracting(a -> a.revision().version().number()).containsExactly(1, 2, 3);

            List<LogEntry> read = node.log().since(new Cursor(held), 10);
            assertThat(read).extracting(LogEntry::cursor).containsExactlyElementsOf(good.stream().map(Appended::cursor).toList());
            assertThat(read).extracting(e -> e.version().content().headline().orElseThrow()).containsExactly("one", "two", "three", "first");
            assertThat(read.get(2).item().latestVersion()).isEqualTo(3);
            assertThat(node.log().routedTo(partner, new Cursor(held), 10)).extracting(FeedEntry::cursor)
                    .containsExactlyElementsOf(good.stream().map(Appended::cursor).toList());
            List<AuditTrail.Recorded> audited = trail.read(everything()).stream().filter(r -> r.position() > auditedBefore).toList();
            assertThat(audited).extracting(r -> r.entry().target()).doesNotContain(stranger.value(), tooLong.value())
                    .filteredOn(first.value()::equals).hasSize(3);
        } finally {
            clock.release();
            callers.shutdown();
        }
    }

    /** Text that a row format could get wrong: separators, quotes, escapes, line breaks, COPY's own markers, CJK, emoji. */
    private static final List<String> AWKWARD = List.of("tab\there", "two\nlines\r\nand a CR", "back\\slash \\N \\. \\\\",
            "\"quoted\", 'single', comma, semicolon;", "", " ", "\\.", "\\N", "NULL", "新华社：北京时间", "연합뉴스 速報 ニュース",
            "emoji 🗞️ and combining é", "\u2028line separator\u00a0nbsp", "a\u0001control");

    /**
     * A group of more changes than {@link LogRows#COPY_FROM} writes its tables in one statement each (COPY on
     * PostgreSQL): every value comes back exactly as written, whatever it holds, NULLs stay NULL and empty strings stay
     * empty, a ninjs document close to the column's size included.
     */
    @Test
    void aLargeGroupReadsBackEveryValueExactlyAsWritten() throws Exception {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        license(agency, partner);
        Actor editor = Actor.of(new Caller.Member(agency, Role.EDITOR, Optional.of(new KeyId("0011223344556677")), Optional.of("2001:db8::1")));
        JdbcAuditTrail trail = new JdbcAuditTrail(db);
        long auditedBefore = trail.read(everything()).stream().mapToLong(AuditTrail.Recorded::position).max().orElse(0);
        List<Change> group = new ArrayList<>();
        int size = LogRows.COPY_FROM + 16;
        for (int i = 0; i < size; i++) {
            String text = AWKWARD.get(i % AWKWARD.size()) + " " + i;
            String ninjs = i == 5 ? "{\"body_html\":\"" + "<p>新闻 \\\" \\\\ \\t</p>\\n".repeat(47_000) + "\"}"
                    : "{\n\t\"headline\": \"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\n\t\"raw\": \"" + text + "\"}";
            Optional<String> language = i % 3 == 0 ? Optional.empty() : Optional.of(i % 3 == 1 ? "zh-Hans" : "ko");
            // Only the last is embargoed: booking its release writes the rows kept so far, which would cut the group.
            Optional<Instant> embargo = i == size - 1 ? Optional.of(Instant.parse("2031-02-03T04:05:06.123456Z")) : Optional.empty();
            Optional<String> headline = i % 5 == 0 ? Optional.empty() : Optional.of(i % 5 == 1 ? "" : text);
            group.add(new Change.Publish(agency, new ItemId("item-" + names.incrementAndGet()), Optional.of("urn:copy:" + text + ":" + i),
                    new Content(ninjs, language, embargo, "text", headline), Set.of(NEWS), Territories.WORLDWIDE));
        }

        long redoneBefore = node.log().groupsRedone();

        List<Appended> appended = appendAsOneGroup(group, editor);

        assertThat(node.log().groupsRedone()).as("written in one go, not redone one change at a time").isEqualTo(redoneBefore);
        long first = appended.getFirst().cursor().seq();
        assertThat(appended).extracting(a -> a.cursor().seq())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(first, first + group.size()).boxed().toList());
        assertThat(appended.get(5).revision().version().content().ninjs()).hasSizeGreaterThan(900_000);
        List<LogEntry> read = node.log().since(new Cursor(first - 1), group.size());
        assertThat(read).extracting(LogEntry::version).containsExactlyElementsOf(appended.stream().map(a -> a.revision().version()).toList());
        assertThat(read).extracting(e -> e.item().uri()).containsExactlyElementsOf(group.stream()
                .map(c -> ((Change.Publish) c).uri().orElseThrow()).toList());
        assertThat(read).allSatisfy(e -> assertThat(e.item().owners()).containsExactly(agency));
        assertThat(node.log().routedTo(partner, new Cursor(first - 1), group.size())).as("routed now: all but the embargoed")
                .extracting(FeedEntry::cursor).containsExactlyElementsOf(appended.stream()
                        .filter(a -> a.revision().version().content().embargoedUntil().isEmpty()).map(Appended::cursor).toList());
        List<AuditTrail.Recorded> audited = trail.read(everything()).stream().filter(r -> r.position() > auditedBefore).toList();
        assertThat(audited).hasSize(group.size()).allSatisfy(r -> {
            assertThat(r.entry().actor()).isEqualTo(editor);
            assertThat(r.entry().concerns()).containsExactly(agency);
        });
    }

    /** A COPY the database refuses (a document over the column's size) fails that change alone, as a refused batch does. */
    @Test
    void aLargeGroupWithAChangeTheDatabaseRefusesCommitsAllTheOthersInOrder() throws Exception {
        OrgId agency = org("agency", "IT");
        Actor editor = Actor.of(new Caller.Member(agency, Role.EDITOR, Optional.empty(), Optional.empty()));
        List<Change> group = new ArrayList<>();
        for (int i = 0; i < LogRows.COPY_FROM + 8; i++) {
            group.add(publish(agency, Optional.empty()));
        }
        ItemId tooLong = new ItemId("item-" + names.incrementAndGet());
        int refused = group.size() / 2;
        group.set(refused, new Change.Publish(agency, tooLong, Optional.empty(), new Content("{\"x\":\"" + "x".repeat(1_000_001) + "\"}",
                Optional.of("en"), Optional.empty(), "text", Optional.of("long")), Set.of(NEWS), Territories.WORLDWIDE));
        Cursor before = node.log().head();
        long redoneBefore = node.log().groupsRedone();

        List<CompletableFuture<Appended>> answers = queueAsOneGroup(group, editor);

        assertThat(node.log().groupsRedone()).as("the refused write made the writer redo the group").isEqualTo(redoneBefore + 1);
        assertThatThrownBy(() -> answers.get(refused).get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StorageFailure.class);
        List<Appended> good = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i != refused) {
                good.add(answers.get(i).get(30, TimeUnit.SECONDS));
            }
        }
        Set<ItemId> ids = group.stream().map(c -> ((Change.Publish) c).newId()).collect(java.util.stream.Collectors.toSet());
        assertThat(node.log().since(before, 1_000)).filteredOn(e -> ids.contains(e.item().id()))
                .extracting(LogEntry::cursor).containsExactlyElementsOf(good.stream().map(Appended::cursor).toList());
        assertThat(good.getLast().cursor().seq() - good.getFirst().cursor().seq()).as("one group, in order, no gap").isEqualTo(good.size() - 1);
    }

    /** Appends every change as one group of the writer's: it is held while they queue, then let go; the answers, in order. */
    private List<Appended> appendAsOneGroup(List<Change> group, Actor by) throws Exception {
        List<Appended> appended = new ArrayList<>();
        for (CompletableFuture<Appended> answer : queueAsOneGroup(group, by)) {
            appended.add(answer.get(60, TimeUnit.SECONDS));
        }
        return appended;
    }

    private List<CompletableFuture<Appended>> queueAsOneGroup(List<Change> group, Actor by) throws Exception {
        OrgId holder = group.getFirst() instanceof Change.Publish p ? p.by() : org("agency", "IT");
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        List<CompletableFuture<Appended>> answers = new ArrayList<>();
        try {
            clock.hold(); // the writer waits inside this one while the rest queue: they are one group
            CompletableFuture<Appended> holding = CompletableFuture.supplyAsync(() -> node.log().append(publish(holder, Optional.empty())), callers);
            clock.awaitHeld();
            for (Change change : group) {
                answers.add(CompletableFuture.supplyAsync(() -> node.log().append(change, by), callers));
                awaitQueued(answers.size());
            }
            clock.release();
            holding.get(60, TimeUnit.SECONDS);
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(failed -> null).get(60, TimeUnit.SECONDS);
            return answers;
        } finally {
            clock.release();
            callers.shutdown();
        }
    }

    /** What someone appends is recorded on the audit trail in the entry's transaction; a refused change leaves neither. */
    @Test
    void anAppendSomeoneMadeIsAuditedWithItsEntryAndARefusedOneLeavesNoTrace() {
        OrgId agency = org("agency", "IT");
        Actor editor = Actor.of(new Caller.Member(agency, Role.EDITOR, Optional.of(new KeyId("00112233aabbccdd")), Optional.of("198.51.100.4")));
        JdbcAuditTrail trail = new JdbcAuditTrail(db);
        long before = trail.read(everything()).stream().mapToLong(AuditTrail.Recorded::position).max().orElse(0);

        Appended published = node.log().append(publish(agency, Optional.empty()), editor);
        ItemId item = published.revision().item().id();
        Appended corrected = node.log().append(new Change.Revise(agency, item, content("fixed"), Event.CORRECTED), editor);
        assertThatThrownBy(() -> node.log().append(new Change.Kill(agency, new ItemId("no-such-item"), "gone"), editor))
                .isInstanceOf(NotFound.class);
        node.log().append(new Change.Kill(agency, item, "legal"), editor);

        List<AuditTrail.Recorded> recorded = trail.read(everything()).stream().filter(r -> r.position() > before).toList();
        assertThat(recorded).extracting(r -> r.entry().action()).containsExactly(Action.ITEM_KILL, Action.ITEM_CORRECT, Action.ITEM_PUBLISH);
        assertThat(recorded).allSatisfy(r -> {
            assertThat(r.entry().target()).isEqualTo(item.value());
            assertThat(r.entry().actor()).isEqualTo(editor);
            assertThat(r.entry().concerns()).containsExactly(agency);
        });
        assertThat(recorded.get(1).entry().at()).isEqualTo(corrected.at());
        assertThat(recorded.getFirst().entry().summary()).contains("killed").contains("legal");
    }

    private static AuditTrail.Query everything() {
        return new AuditTrail.Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 500);
    }

    @Test
    void entryIsRoutedToLicensedPartnersOnly() {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        OrgId stranger = org("stranger", "KR");
        license(agency, partner);

        Appended published = node.log().append(publish(agency, Optional.empty()));

        assertThat(published.revision().routes()).extracting(r -> r.partner()).containsExactly(partner);
        assertThat(node.log().routedTo(partner, Cursor.START, 500)).extracting(FeedEntry::cursor).contains(published.cursor());
        assertThat(node.log().routedTo(stranger, Cursor.START, 500)).isEmpty();
    }

    @Test
    void killReachesEveryoneWhoReceivedTheItem() {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        OrgId later = org("later", "JP");
        String licence = license(agency, partner);
        Appended published = node.log().append(publish(agency, Optional.empty()));
        ItemId item = published.revision().item().id();
        agreements.suspend(licence, true); // the partner's licence no longer grants anything
        license(agency, later); // licensed after the item went out: it never received it

        Appended killed = node.log().append(new Change.Kill(agency, item, "legal"));

        assertThat(killed.revision().routes()).extracting(r -> r.partner()).containsExactly(partner);
        List<FeedEntry> partnerSees = node.log().routedTo(partner, published.cursor(), 500);
        assertThat(partnerSees).extracting(FeedEntry::cursor, FeedEntry::event).containsExactly(tuple(killed.cursor(), Event.KILLED));
        assertThat(node.log().routedTo(later, Cursor.START, 500)).isEmpty();
    }

    @Test
    void cursorNeverSkipsAnEntryCommittedLater() throws Exception {
        OrgId agency = org("agency", "IT");
        Node other = otherNode();
        Cursor start = node.log().head();
        int writers = 4;
        int each = 25;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = new ArrayList<>();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<CompletableFuture<Void>> appends = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                ContentLog through = w % 2 == 0 ? node.log() : other.log();
                appends.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        through.append(publish(agency, Optional.empty()));
                    }
                }, pool));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new));
            all.whenComplete((v, e) -> writing.set(false));
            // A reader that follows the log while it grows, moving its cursor to the last entry of every page.
            Cursor at = start;
            while (writing.get() || !node.log().since(at, 1).isEmpty()) {
                for (LogEntry e : node.log().since(at, 7)) {
                    seen.add(e.cursor().seq());
                    at = e.cursor();
                }
            }
            all.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        List<Long> expected = new ArrayList<>();
        for (long s = start.seq() + 1; s <= node.log().head().seq(); s++) {
            expected.add(s);
        }
        assertThat(seen).hasSize(writers * each).isEqualTo(expected);
    }

    @Test
    void routedPageIsJudgedWithTheNetworkItWasRoutedUnder() {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        // On several nodes: this one reads, with a gate built before the licence existed; another node routes.
        Node reader = otherNode();
        Cursor before = reader.log().head();
        license(agency, partner);

        Appended published = node.log().append(publish(agency, Optional.empty()));

        Feeds.Page page = new Feeds(reader.log(), reader.entitlements(), Clock.systemUTC()).routed(partner, before, 10);
        assertThat(page.entries()).extracting(FeedEntry::cursor).containsExactly(published.cursor());
    }

    @Test
    void releaseReroutesTheLatestVersionWithoutANewOne() {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        Appended published = node.log().append(publish(agency, Optional.empty()));
        license(agency, partner); // the licence starts after the item went out

        Appended released = node.log().append(new Change.Release(published.revision().item().id()));

        assertThat(released.revision().event()).isEqualTo(LogEvent.RELEASED);
        assertThat(released.revision().version()).isEqualTo(published.revision().version());
        assertThat(node.log().routedTo(partner, Cursor.START, 500)).extracting(FeedEntry::cursor, FeedEntry::event)
                .containsExactly(tuple(released.cursor(), Event.PUBLISHED));
        assertThat(node.log().since(published.cursor(), 10)).extracting(LogEntry::event).containsExactly(LogEvent.RELEASED);
    }

    @Test
    void embargoBooksAReleaseAndAKillCancelsIt() {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        license(agency, partner);
        Instant lifts = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        Content embargoed = new Content("{}", Optional.of("en"), Optional.of(lifts), "text", Optional.of("embargoed"));
        Releases releases = new Releases(db);

        Appended published = node.log().append(new Change.Publish(agency, new ItemId("item-" + names.incrementAndGet()), Optional.empty(),
                embargoed, Set.of(NEWS), Territories.WORLDWIDE));
        ItemId item = published.revision().item().id();

        assertThat(published.revision().routes()).isEmpty();
        assertThat(releases.due(lifts, 1000)).contains(item);
        node.log().append(new Change.Kill(agency, item, "withdrawn"));
        assertThat(releases.due(lifts, 1000)).doesNotContain(item);
    }

    @Test
    void aCoproducedDraftIsReleasedOnceWhicheverNodeTriesAgain() throws Exception {
        OrgId agency = org("agency", "IT");
        OrgId partner = org("partner", "CN");
        license(agency, partner);
        JdbcDrafts drafts = new JdbcDrafts(db);
        ItemId item = new ItemId("item-" + names.incrementAndGet());
        String uri = "urn:test:" + item;
        drafts.create(new ponte.core.coproduction.CoItem(item, Optional.empty(), uri, Set.of(agency), Instant.now(), Optional.empty()), draft(item, 1, agency));
        Change.Publish first = new Change.Publish(agency, item, Optional.of(uri), content("first"), Set.of(NEWS), Territories.WORLDWIDE,
                Optional.empty(), Optional.empty(), Set.of(agency), Optional.of(1));

        assertThat(node.log().append(first).revision().version().number()).isEqualTo(1);
        assertThatThrownBy(() -> otherNode().log().append(first)).as("a retry of a release").isInstanceOf(Conflict.class);
        assertThat(drafts.drafts(item).getFirst().releasedAs()).contains(1);

        drafts.add(draft(item, 2, agency));
        Change.Revise second = new Change.Revise(agency, item, content("second"), Event.UPDATED, Optional.empty(), Set.of(agency), Optional.of(2));
        Node other = otherNode();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Boolean>> tries = List.of(node, other).stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> {
                        try {
                            n.log().append(second);
                            return true;
                        } catch (Conflict releasedAlready) {
                            return false;
                        }
                    }, pool)).toList();
            assertThat(tries.stream().map(CompletableFuture::join)).as("exactly one release of draft 2").containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        assertThat(node.log().since(Cursor.START, 100_000)).filteredOn(e -> e.item().id().equals(item))
                .extracting(e -> e.version().number()).containsExactly(1, 2);
        assertThat(drafts.drafts(item)).extracting(ponte.core.coproduction.Draft::releasedAs).containsExactly(Optional.of(1), Optional.of(2));
    }

    private static ponte.core.coproduction.Draft draft(ItemId item, int number, OrgId by) {
        return new ponte.core.coproduction.Draft(item, number, content("draft " + number), Set.of(NEWS), Territories.WORLDWIDE,
                number == 1 ? Event.PUBLISHED : Event.UPDATED, Optional.empty(), by, Optional.empty(), Instant.now(), Optional.empty());
    }

    private void awaitQueued(int depth) {
        await().atMost(Duration.ofSeconds(30)).until(() -> node.log().queueDepth() >= depth);
    }

    private OrgId org(String role, String country) {
        OrgId id = new OrgId(role + "-" + names.incrementAndGet());
        orgs.register(new Org(id, role, role.equals("agency") || role.equals("rival") ? OrgKind.AGENCY : OrgKind.BROADCASTER, CountryCode.of(country)));
        return id;
    }

    /** An agreement in force (approved by both) licensing the partner the agency's news anywhere; returns its id. */
    private String license(OrgId agency, OrgId partner) {
        String id = "agreement-" + names.incrementAndGet();
        Grant grant = new Grant(agency, partner, Set.of(NEWS), Territories.WORLDWIDE, Set.of(), Duration.ZERO, false);
        agreements.create(id, new AgreementVersion(1, new Terms("news", Set.of(agency, partner), Validity.ALWAYS, List.of(grant)),
                agency, Instant.now(), Set.of(agency, partner)));
        return id;
    }

    private Change.Publish publish(OrgId by, Optional<String> uri) {
        return new Change.Publish(by, new ItemId("item-" + names.incrementAndGet()), uri, content("first"), Set.of(NEWS), Territories.WORLDWIDE);
    }

    private static Content content(String headline) {
        return new Content("{\"headline\":\"" + headline + "\"}", Optional.of("en"), Optional.empty(), "text", Optional.of(headline));
    }
}
