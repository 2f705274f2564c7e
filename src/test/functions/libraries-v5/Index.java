import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.util.Map;

/** A v5 function declaring Gson 2.11.0: it must get that one, not the runtime's. */
public class Index {

    public RuntimeOutput main(RuntimeContext context) throws Exception {
        String at = com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        context.log("gson from " + at);
        return context.getRes().json(Map.of("gson", at.substring(at.lastIndexOf('/') + 1),
                "vertx", visible("io.vertx.core.Vertx"), "quarkus", visible("io.quarkus.runtime.Quarkus")));
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
