package ponte.app;

import java.nio.file.Path;
import java.util.stream.Collectors;
import ponte.core.access.Role;

/** What a starting node tells the person who started it. */
final class Banner {
    private Banner() {}

    /** The serving lines, after making the operator's web UI account when the startup names one. */
    static void serving(Node w, NodeOptions.Startup startup) {
        serving(w, startup.admin(), startup.settings().dataDir());
        startup.operatorUser().ifPresent(name -> {
            w.installOperator(name, startup.admin().secret());
            System.out.println("  operator:  sign in to http://127.0.0.1:" + w.port() + "/ as " + name + " with the admin key as password");
        });
    }

    static void serving(Node w, AdminKey admin, Path dataDir) {
        String url = "http://127.0.0.1:" + w.port();
        System.out.println();
        System.out.println("Ponte is serving at " + url + "  (API docs: " + url + "/docs)");
        System.out.println("  metrics:   http://127.0.0.1:" + w.managementPort() + "/metrics  (management port, with /health and /ready;"
                + " not served on " + w.port() + ")");
        long items = w.itemCount();
        System.out.println("  storage:   " + (w.onPostgres() ? "PostgreSQL" : "embedded H2 in " + dataDir.toAbsolutePath())
                + "; the log holds " + items + (items == 1 ? " item" : " items"));
        System.out.println("  admin key: " + (admin.generated() ? admin.secret() + "   (generated for this run; set PONTE_ADMIN_KEY to choose one)" : "from PONTE_ADMIN_KEY"));
    }

    static void demo(Node w, DemoNetwork.Loaded loaded, DemoMedia.Outcome media) {
        // Loading is idempotent: after a restart nothing is published again, and the storage line above says what the log holds.
        System.out.printf("  demo network: %d organisations, %d products, %d agreements; %s%n", loaded.orgs(), loaded.products(),
                loaded.agreements(), loaded.itemsPublished() == 0 ? "loaded on an earlier run" : loaded.itemsPublished() + " items published now");
        System.out.println("  demo keys (Authorization: Bearer <key>):");
        loaded.keys().stream().filter(k -> k.role() != Role.ADMIN).collect(Collectors.groupingBy(DemoNetwork.DemoKey::org, java.util.TreeMap::new, Collectors.toList()))
                .forEach((org, keys) -> System.out.printf("    %-20s %s%n", org, keys.stream().map(DemoNetwork.DemoKey::secret).collect(Collectors.joining("  "))));
        System.out.println("  (each org also has demo-<org>-admin)");
        System.out.println("  web UI:    http://127.0.0.1:" + w.port() + "/  (sign in as <org>-<role> with the demo key as password,"
                + " e.g. italpress-editor / demo-italpress-editor)");
        System.out.println("  try:  curl -s -H 'Authorization: Bearer demo-cgtn-partner' http://127.0.0.1:" + w.port() + "/v1/feed");
        System.out.println("  " + media.said());
        System.out.println("  push: webhooks may point at this machine in the demo (POST /v1/endpoints); live: curl -N .../v1/stream");
        System.out.println();
    }
}
