import io.openruntimes.quarkus.Request;
import io.openruntimes.quarkus.Response;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports which library versions it runs with, and which of the runtime's classes it can see. */
public class Index {

    public Response main(Request req, Response res) throws Exception {
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("gson", jar(com.google.gson.Gson.class));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        seen.put("jackson", mapper.version().toString() + " " + mapper.writeValueAsString(Map.of("a", 1)));
        seen.put("kotlin", kotlin.KotlinVersion.CURRENT.toString());
        try (var connection = DriverManager.getConnection("jdbc:h2:mem:libraries");
             var result = connection.createStatement().executeQuery("SELECT 6 * 7")) {
            result.next();
            seen.put("jdbc", result.getInt(1));
        }
        org.slf4j.LoggerFactory.getLogger(Index.class).info("a line from the function's SLF4J");
        seen.put("slf4j", org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
        for (String runtimeClass : new String[] {"io.vertx.core.Vertx", "io.netty.channel.Channel", "io.quarkus.runtime.Quarkus",
                "io.openruntimes.quarkus.engine.Invoker"}) {
            seen.put(runtimeClass, visible(runtimeClass));
        }
        return res.json(seen);
    }

    static String jar(Class<?> type) {
        String at = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return at.substring(at.lastIndexOf('/') + 1);
    }

    static String visible(String name) {
        try {
            Class.forName(name);
            return "visible";
        } catch (ClassNotFoundException e) {
            return "hidden";
        }
    }
}
