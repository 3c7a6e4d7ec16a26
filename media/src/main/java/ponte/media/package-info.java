/**
 * Media files' adapters: {@link ponte.media.FileMediaStore} (content-addressed blobs under the data directory),
 * {@link ponte.media.TikaSniffer} (a file's type from its first bytes) and {@link ponte.media.Ffmpeg} (renditions made by
 * ffmpeg and ffprobe, run as processes with a timeout). Depends on core only.
 */
package ponte.media;
