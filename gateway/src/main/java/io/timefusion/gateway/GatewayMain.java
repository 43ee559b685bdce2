package io.timefusion.gateway;

import com.google.common.collect.ImmutableList;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.airlift.bootstrap.Bootstrap;
import io.airlift.http.server.HttpServerModule;
import io.airlift.jaxrs.JaxrsModule;
import io.airlift.json.JsonModule;
import io.airlift.log.Logger;
import io.airlift.node.NodeModule;

import java.util.List;
import java.util.Map;

/** Starts the gateway with its configuration taken from the environment (docs/configuration.md lists the variables). */
public final class GatewayMain
{
    private GatewayMain() {}

    public static void main(String[] args)
    {
        Logger log = Logger.get(GatewayMain.class);
        try {
            start(GatewayEnvironment.toProperties(System.getenv()));
            log.info("======== TimeFusion gateway started ========");
        }
        catch (Throwable e) {
            log.error(e, "TimeFusion gateway failed to start");
            System.exit(1);
        }
    }

    public static Injector start(Map<String, String> properties)
    {
        List<Module> modules = ImmutableList.of(new NodeModule(), new HttpServerModule(), new JsonModule(), new JaxrsModule(), new GatewayModule());
        return new Bootstrap(modules)
                .setRequiredConfigurationProperties(properties)
                .initialize();
    }
}
