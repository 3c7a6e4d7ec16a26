package ponte.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The world's countries as SVG paths, drawn once from the bundled Natural Earth shapes (world-atlas's
 * countries-110m.json, TopoJSON) in an equirectangular projection: the reach map is plain SVG in the page, so it needs
 * no script, no tile server and no network, and each country can carry its own title for screen readers.
 */
final class WorldMap {
    static final int WIDTH = 960;
    /** Down to 60° south: Antarctica is left out, as no outlet reports from it. */
    static final int HEIGHT = 400;
    private static final double DEGREE = WIDTH / 360.0;

    /** @param country ISO 3166-1 alpha-2, or empty for a territory without a code (Kosovo, Somaliland…) */
    record Shape(String country, String name, String path) {}

    private static final List<Shape> SHAPES = load();

    private WorldMap() {}

    static List<Shape> shapes() {
        return SHAPES;
    }

    private static List<Shape> load() {
        Map<String, String> alpha2 = numericCodes();
        JsonNode topology = JsonMapper.builder().build().readTree(resource("countries-110m.json"));
        double[] scale = {topology.path("transform").path("scale").get(0).asDouble(), topology.path("transform").path("scale").get(1).asDouble()};
        double[] shift = {topology.path("transform").path("translate").get(0).asDouble(), topology.path("transform").path("translate").get(1).asDouble()};
        List<double[][]> arcs = new ArrayList<>();
        for (JsonNode arc : topology.path("arcs")) {
            double[][] points = new double[arc.size()][];
            long x = 0;
            long y = 0;
            for (int i = 0; i < arc.size(); i++) { // positions are quantized and delta-encoded (TopoJSON 2.2.3)
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                double lon = x * scale[0] + shift[0];
                double lat = y * scale[1] + shift[1];
                points[i] = new double[] {(lon + 180) * DEGREE, (90 - lat) * DEGREE};
            }
            arcs.add(points);
        }
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode geometry : topology.path("objects").path("countries").path("geometries")) {
            StringBuilder d = new StringBuilder();
            switch (geometry.path("type").asString("")) {
                case "Polygon" -> polygon(d, geometry.path("arcs"), arcs);
                case "MultiPolygon" -> geometry.path("arcs").forEach(p -> polygon(d, p, arcs));
                default -> {
                    continue;
                }
            }
            String code = alpha2.getOrDefault(geometry.path("id").asString(""), "");
            if (code.equals("AQ")) {
                continue;
            }
            shapes.add(new Shape(code, geometry.path("properties").path("name").asString(""), d.toString()));
        }
        return List.copyOf(shapes);
    }

    /**
     * Rings in tenths of a pixel, each point after the first relative to the one before ({@code l}, repeated
     * implicitly), points that round onto the previous one left out: the page's map is 30% smaller than in absolute coordinates.
     */
    private static void polygon(StringBuilder d, JsonNode rings, List<double[][]> arcs) {
        for (JsonNode ring : rings) {
            boolean first = true;
            double offset = 0; // a ring crossing the antimeridian (Russia, Fiji) goes on past the edge instead of across the map
            double last = Double.NaN;
            long x = 0;
            long y = 0;
            for (JsonNode index : ring) {
                int i = index.asInt();
                double[][] arc = arcs.get(i < 0 ? ~i : i);
                for (int k = 0; k < arc.length; k++) {
                    double[] p = arc[i < 0 ? arc.length - 1 - k : k];
                    if (k == 0 && !first) {
                        continue; // each arc starts where the previous one ended
                    }
                    if (!Double.isNaN(last) && Math.abs(p[0] + offset - last) > WIDTH / 2.0) {
                        offset -= Math.signum(p[0] + offset - last) * WIDTH;
                    }
                    last = p[0] + offset;
                    long tx = Math.round(last * 10);
                    long ty = Math.round(p[1] * 10);
                    if (first) {
                        d.append('M').append(tenths(tx)).append(',').append(tenths(ty)).append('l');
                    } else if (tx != x || ty != y) {
                        char tail = d.charAt(d.length() - 1);
                        d.append(tail == 'l' ? "" : " ").append(tenths(tx - x)).append(',').append(tenths(ty - y));
                    }
                    x = tx;
                    y = ty;
                    first = false;
                }
            }
            if (d.charAt(d.length() - 1) == 'l') {
                d.setLength(d.length() - 1);
            }
            d.append('Z');
        }
    }

    /** A length in tenths as SVG path data reads it, without a leading zero ("-.5", "12.3", "4"). */
    static String tenths(long t) {
        long whole = Math.abs(t) / 10;
        long tenth = Math.abs(t) % 10;
        return (t < 0 ? "-" : "") + (whole == 0 && tenth != 0 ? "" : Long.toString(whole)) + (tenth == 0 ? "" : "." + tenth);
    }

    private static Map<String, String> numericCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String line : new String(resource("iso-3166-numeric.csv"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.strip().split(",");
                codes.put(cells[0], cells[1]);
            }
        }
        return codes;
    }

    private static byte[] resource(String name) {
        try (InputStream in = WorldMap.class.getResourceAsStream("/ponte/web/map/" + name)) {
            if (in == null) {
                throw new IllegalStateException("map data missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
