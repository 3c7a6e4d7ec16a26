package ponte.core.media;

import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ponte.core.Conflict;
import ponte.core.Ids;
import ponte.core.Invalid;
import ponte.core.NotFound;
import ponte.core.access.Caller;
import ponte.core.access.Role;
import ponte.core.orgs.OrgId;

/**
 * Resumable uploads (tus 1.0, https://tus.io/protocols/resumable-upload): an editor declares a file's length and type,
 * sends its bytes in as many PATCHes as its link allows, resuming after what Ponte recorded; the whole file then goes
 * through {@link Uploading} like a single upload (sniffed, checked, stored, queued) and becomes one media file. An
 * upload not finished within its expiry after its last PATCH is removed.
 */
public final class Resuming {
    /** A checksum sent with a PATCH (tus checksum extension): its algorithm and the digest of that PATCH's bytes. */
    public record Checksum(String algorithm, byte[] digest) {}

    /** A PATCH whose bytes do not match its checksum: tus answers 460, and the bytes are discarded. */
    public static final class ChecksumMismatch extends RuntimeException {
        public ChecksumMismatch() {
            super("the bytes of this PATCH do not match its Upload-Checksum; they were discarded: send them again");
        }
    }

    private final ResumableUploads uploads;
    private final UploadParts parts;
    private final Uploading uploading;
    private final Ids ids;
    private final Clock clock;
    private final Duration expiry;
    private final long maxBytes;

    /** @param expiry how long after its last PATCH (or its creation) an unfinished upload is kept */
    public Resuming(ResumableUploads uploads, UploadParts parts, Uploading uploading, Ids ids, Clock clock, Duration expiry, long maxBytes) {
        this.uploads = uploads;
        this.parts = parts;
        this.uploading = uploading;
        this.ids = ids;
        this.clock = clock;
        this.expiry = expiry;
        this.maxBytes = maxBytes;
    }

    public ResumableUpload create(Caller caller, long length, String contentType, Optional<String> filename) {
        OrgId org = caller.actingFor(Role.EDITOR);
        if (length > maxBytes) {
            throw new UploadTooLarge(maxBytes);
        }
        if (length < 1) {
            throw new Invalid("", "Upload-Length must be the file's length in bytes, at least 1");
        }
        expire();
        ResumableUpload upload = new ResumableUpload(ids.next(), org, length, 0, contentType, filename, clock.instant().plus(expiry),
                Optional.empty());
        uploads.create(upload);
        return upload;
    }

    /** The upload, to an editor of its org; to anyone else it does not exist. */
    public ResumableUpload get(Caller caller, String id) {
        ResumableUpload upload = uploads.byId(id).filter(u -> caller.belongsTo(u.owner())).orElseThrow(() -> new NotFound("no such upload"));
        caller.actingFor(Role.EDITOR);
        if (upload.media().isEmpty() && upload.expiresAt().isBefore(clock.instant())) {
            throw new NotFound("no such upload"); // expired: removed at the next sweep
        }
        return upload;
    }

    /**
     * Appends a PATCH's bytes at {@code offset}; when they complete the file, it becomes a media file.
     *
     * @return the upload as it now stands (with {@code media} once complete)
     * @throws Conflict         when {@code offset} is not where the upload stands (tus: 409)
     * @throws ChecksumMismatch when the bytes do not match {@code checksum}
     */
    public ResumableUpload append(Caller caller, String id, long offset, ReadableByteChannel body, Optional<Checksum> checksum) {
        ResumableUpload upload = get(caller, id);
        if (upload.complete() || offset != upload.offset()) {
            throw new Conflict("the upload stands at byte " + upload.offset() + " of " + upload.length() + ", not " + offset
                    + ": resume from Upload-Offset (HEAD)");
        }
        UploadParts.Appended appended = parts.append(id, offset, body, upload.length() - offset, checksum.map(Checksum::algorithm));
        if (checksum.isPresent() && (appended.cut() || !MessageDigest.isEqual(checksum.get().digest(), appended.digest().orElseThrow()))) {
            throw new ChecksumMismatch(); // the parts keep only what a later append asks for: these bytes are dropped then
        }
        long reached = offset + appended.bytes();
        if (!uploads.advance(id, offset, reached, clock.instant().plus(expiry))) {
            throw new Conflict("another PATCH of this upload was recorded first: resume from Upload-Offset (HEAD)");
        }
        if (appended.cut()) {
            throw new UploadBroken("the PATCH ended before its last byte; " + reached + " bytes are kept: resume from Upload-Offset", null);
        }
        ResumableUpload now = get(caller, id);
        if (!now.complete()) {
            return now;
        }
        Media media;
        try {
            media = uploading.upload(caller, now.contentType(), now.filename(), now.length(), parts.open(id, now.length()));
        } catch (RuntimeException refused) {
            // A file refused whole (its bytes lie about its type, say) is refused for good: nothing of it is kept.
            uploads.delete(id);
            parts.delete(id);
            throw refused;
        }
        uploads.completed(id, media.id());
        parts.delete(id);
        return get(caller, id);
    }

    /** Ends an upload the editor gave up (tus termination). */
    public void terminate(Caller caller, String id) {
        get(caller, id);
        uploads.delete(id);
        parts.delete(id);
    }

    /** Removes the uploads abandoned past their expiry, with their bytes; returns how many. */
    public int expire() {
        int n = 0;
        for (String id : uploads.expired(clock.instant())) {
            uploads.delete(id);
            parts.delete(id);
            n++;
        }
        return n;
    }
}
