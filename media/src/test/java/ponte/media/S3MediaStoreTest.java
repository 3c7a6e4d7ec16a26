package ponte.media;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ponte.core.media.Blob;
import ponte.core.media.MediaStore;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on a real S3 API: S3Proxy, in this JVM, on jclouds' in-memory blob store. */
class S3MediaStoreTest extends MediaStoreContract {
    @TempDir
    static Path spool;
    static S3Proxy proxy;
    static BlobStoreContext blobs;
    static S3MediaStore store;
    static S3Client client;

    @BeforeAll
    static void start() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("ponte", "secret").overrides(new Properties()).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "ponte", "secret").build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(10);
        }
        java.util.Map<String, String> env = java.util.Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + proxy.getPort());
        System.setProperty("aws.accessKeyId", "ponte");
        System.setProperty("aws.secretAccessKey", "secret");
        System.setProperty("aws.region", "us-east-1");
        store = S3MediaStore.at("s3://media/ponte/test", spool, env, S3MediaStore.MIN_PART);
        client = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort())).forcePathStyle(true).build();
        client.createBucket(b -> b.bucket("media"));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        proxy.stop();
        blobs.close();
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Override
    long blobs() throws Exception {
        long spooled;
        try (var left = Files.list(spool)) {
            spooled = left.count();
        }
        return client.listObjectsV2(b -> b.bucket("media").prefix("ponte/test/")).keyCount() + spooled;
    }

    @Test
    void aFileLargerThanOnePartGoesUpInPartsAndReadsBackWhole() throws Exception {
        int part = (int) S3MediaStore.MIN_PART;
        byte[] bytes = random(2 * part + 1_000_000, 5); // three parts, the last a short one
        Blob blob = store.save(channel(bytes), Long.MAX_VALUE);
        assertThat(blob.sha256()).isEqualTo(sha256(bytes));
        assertThat(read(store.open(blob, part - 10, 20))).isEqualTo(java.util.Arrays.copyOfRange(bytes, part - 10, part + 10));
        assertThat(sha256(read(store.open(blob, 0, blob.size())))).isEqualTo(blob.sha256());
    }
}
