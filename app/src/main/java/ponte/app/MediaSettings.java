package ponte.app;

import java.time.Duration;

/**
 * How a node stores media and makes renditions.
 *
 * @param maxUploadBytes the largest upload taken (env PONTE_MEDIA_MAX_BYTES; 413 beyond)
 * @param workers        files transcoded at once (env PONTE_MEDIA_WORKERS): ffmpeg uses every core for one file
 * @param timeout        the longest one file's renditions may take before it fails (env PONTE_MEDIA_TIMEOUT)
 * @param staleAfter     a transcode whose claim was not renewed for this long is taken up again (its node died)
 * @param ffmpeg         the ffmpeg program, a name on PATH or a path (env PONTE_FFMPEG)
 * @param ffprobe        the ffprobe program (env PONTE_FFPROBE)
 * @param uploadExpiry   a resumable upload with no PATCH for this long is removed (env PONTE_UPLOAD_EXPIRY)
 * @param url            where blobs are kept: {@code s3://bucket/prefix} (env PONTE_MEDIA_URL), else the data directory
 * @param linkLifetime   how long a partner's signed rendition link works, at least (env PONTE_MEDIA_LINK_LIFETIME)
 * @param retention      how long after the kill of every item carrying it a file is deleted (env PONTE_MEDIA_RETENTION)
 */
public record MediaSettings(long maxUploadBytes, int workers, Duration timeout, Duration staleAfter, String ffmpeg, String ffprobe,
                            Duration uploadExpiry, java.util.Optional<String> url, Duration linkLifetime,
                            Duration retention) {
    public static final long DEFAULT_MAX_UPLOAD = 16L * 1024 * 1024 * 1024;

    public MediaSettings {
        if (maxUploadBytes < 1 || workers < 1 || timeout.isNegative() || timeout.isZero() || staleAfter.isNegative() || staleAfter.isZero()
                || uploadExpiry.isNegative() || uploadExpiry.isZero() || linkLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("media settings: the upload limit, workers, timeout and stale time must be positive");
        }
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("media settings: media of killed items are kept at least an hour (PT1H), not " + retention);
        }
    }

    public static MediaSettings defaults() {
        return new MediaSettings(DEFAULT_MAX_UPLOAD, 1, Duration.ofHours(2), Duration.ofMinutes(2), "ffmpeg", "ffprobe", Duration.ofHours(24),
                java.util.Optional.empty(), Duration.ofHours(24), ponte.core.media.MediaRetention.DEFAULT);
    }

    public MediaSettings withMaxUploadBytes(long bytes) {
        return new MediaSettings(bytes, workers, timeout, staleAfter, ffmpeg, ffprobe, uploadExpiry, url, linkLifetime, retention);
    }

    public MediaSettings withTimeout(Duration limit) {
        return new MediaSettings(maxUploadBytes, workers, limit, staleAfter, ffmpeg, ffprobe, uploadExpiry, url, linkLifetime, retention);
    }

    public MediaSettings withStaleAfter(Duration stale) {
        return new MediaSettings(maxUploadBytes, workers, timeout, stale, ffmpeg, ffprobe, uploadExpiry, url, linkLifetime, retention);
    }

    public MediaSettings withUploadExpiry(Duration expiry) {
        return new MediaSettings(maxUploadBytes, workers, timeout, staleAfter, ffmpeg, ffprobe, expiry, url, linkLifetime, retention);
    }

    public MediaSettings withUrl(String storeUrl) {
        return new MediaSettings(maxUploadBytes, workers, timeout, staleAfter, ffmpeg, ffprobe, uploadExpiry, java.util.Optional.of(storeUrl), linkLifetime, retention);
    }

    public MediaSettings withLinkLifetime(Duration lifetime) {
        return new MediaSettings(maxUploadBytes, workers, timeout, staleAfter, ffmpeg, ffprobe, uploadExpiry, url, lifetime, retention);
    }

    public MediaSettings withRetention(Duration keep) {
        return new MediaSettings(maxUploadBytes, workers, timeout, staleAfter, ffmpeg, ffprobe, uploadExpiry, url, linkLifetime, keep);
    }

    public MediaSettings withPrograms(String ffmpegProgram, String ffprobeProgram) {
        return new MediaSettings(maxUploadBytes, workers, timeout, staleAfter, ffmpegProgram, ffprobeProgram, uploadExpiry, url, linkLifetime, retention);
    }
}
