/**
 * Media: video, photo and audio files an org uploads ({@link ponte.core.media.Uploading}), kept as content-addressed
 * blobs behind the {@link ponte.core.media.MediaStore} port, and turned into renditions by a bounded background queue
 * ({@link ponte.core.media.Preparing}) through the {@link ponte.core.media.Transcoder} port. Core decides what is
 * accepted and in which state a file is; the adapters (module {@code media}) move the bytes and run ffmpeg.
 */
package ponte.core.media;
