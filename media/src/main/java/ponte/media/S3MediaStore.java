package ponte.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ponte.core.media.Blob;
import ponte.core.media.MediaStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects named by their SHA-256 under {@code s3://bucket/prefix/blobs/ab/cd/abcd…}, in any S3-compatible
 * store (AWS SDK v2). The digest names the object, so the bytes are spooled to a local file first (digested on the way,
 * as {@link FileMediaStore} writes them), then sent: one PUT up to {@link #PART} bytes, a multipart upload of such parts beyond (5 GB is S3's limit for one
 * PUT). An object appears only whole (a PUT is atomic; a multipart object exists only once completed), so nothing
 * half-written is ever read.
 */
public final class S3MediaStore implements MediaStore {
    /** Parts of a multipart upload: S3 takes 5 MB to 5 GB each and at most 10,000 of them (so files up to 640 GB). */
    static final long PART = 64L * 1024 * 1024;
    /** S3's smallest part but the last. */
    static final long MIN_PART = 5L * 1024 * 1024;
    private static final int BUFFER = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path spool;
    private final long part;

    /**
     * @param spool a local directory where uploads wait while they are digested
     */
    public S3MediaStore(S3Client s3, String bucket, String prefix, Path spool) {
        this(s3, bucket, prefix, spool, PART);
    }

    /** With parts of {@code part} bytes (tests use S3's smallest, to exercise multipart uploads on small files). */
    S3MediaStore(S3Client s3, String bucket, String prefix, Path spool, long part) {
        if (part < MIN_PART) {
            throw new IllegalArgumentException("S3 parts are at least " + MIN_PART + " bytes");
        }
        this.part = part;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.spool = spool;
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + spool + " to spool media", e);
        }
    }

    /**
     * The store an {@code s3://bucket/prefix} url names, with the standard AWS environment: credentials and region
     * (AWS_ACCESS_KEY_ID, AWS_REGION, profiles...) and, for another S3-compatible store, AWS_ENDPOINT_URL_S3 or
     * AWS_ENDPOINT_URL, which also selects path-style addressing (what self-hosted stores expect).
     */
    public static S3MediaStore at(String url, Path spool, Map<String, String> env) {
        return at(url, spool, env, PART);
    }

    static S3MediaStore at(String url, Path spool, Map<String, String> env, long part) {
        URI uri = URI.create(url);
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("a media url is s3://bucket/prefix, not " + url);
        }
        var builder = S3Client.builder()
                // Checksums only where S3 requires them: the SDK's default trailing checksums are not spoken by every S3 API.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        // The SDK's own names for an endpoint: the environment's, else the JVM's system properties.
        Optional.ofNullable(env.get("AWS_ENDPOINT_URL_S3")).or(() -> Optional.ofNullable(env.get("AWS_ENDPOINT_URL")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrlS3")))
                .or(() -> Optional.ofNullable(System.getProperty("aws.endpointUrl")))
                .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new S3MediaStore(builder.build(), uri.getHost(), path, spool, part);
    }

    @Override
    public Blob save(ReadableByteChannel body, long maxBytes) {
        Path part = null;
        try {
            part = Files.createTempFile(spool, "upload-", ".part");
            Blob blob = FileMediaStore.spool(body, part, maxBytes);
            if (!contains(blob)) {
                send(part, key(blob), blob.size());
            }
            return blob;
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool media under " + spool + ": " + e.getMessage(), e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a spool file left behind costs only space
                }
            }
        }
    }

    private void send(Path file, String key, long size) {
        if (size <= part) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
            return;
        }
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            for (int n = 1; (long) (n - 1) * part < size; n++) {
                long from = (long) (n - 1) * part;
                long length = Math.min(part, size - from);
                int number = n;
                InputStream slice = Channels.newInputStream(in.position(from));
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number).contentLength(length),
                        RequestBody.fromInputStream(new java.io.FilterInputStream(slice) {
                            private long left = length;

                            @Override
                            public int read(byte[] b, int off, int len) throws IOException {
                                if (left <= 0) {
                                    return -1;
                                }
                                int r = super.read(b, off, (int) Math.min(len, left));
                                left -= Math.max(0, r);
                                return r;
                            }
                        }, length)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public Blob save(byte[] bytes) {
        return save(Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), bytes.length);
    }

    @Override
    public ReadableByteChannel open(Blob blob, long offset, long length) {
        if (length == 0) {
            return Channels.newChannel(InputStream.nullInputStream());
        }
        ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key(blob))
                .range("bytes=" + offset + "-" + (offset + length - 1)));
        return Channels.newChannel(in);
    }

    @Override
    public boolean contains(Blob blob) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key(blob)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(Blob blob) {
        s3.deleteObject(b -> b.bucket(bucket).key(key(blob)));
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private String key(Blob blob) {
        String h = blob.sha256();
        return prefix + "blobs/" + h.substring(0, 2) + "/" + h.substring(2, 4) + "/" + h;
    }
}
