package org.innerlab.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.innerlab.observe.ServeProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code innerlab serve}: drives environments for another process over stdin and stdout, one JSON request
 * per line and one JSON response per line. The protocol is {@link ServeProtocol}'s; this class connects it
 * to the standard streams and flushes each response, so a client reading the pipe sees it at once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serves environments on stdin/stdout for agents written in any language: one JSON request per line, "
                + "one JSON response per line. A bad line is answered {\"error\": \"...\"} and the session goes on; "
                + "it ends at {\"op\":\"close\"} or the end of the input. See docs/api.md."},
        footer = {"",
            "Requests and what they answer:",
            "  {\"op\":\"make\",\"env\":\"coinrun-lite-v1\",\"encoder\":\"egocentric\",",
            "   \"board\":true,\"true_reward\":true}",
            "      -> actions, events, resolved params, feature names",
            "  {\"op\":\"reset\",\"seed\":7}",
            "      -> observation {features, board}, info",
            "  {\"op\":\"step\",\"action\":3}",
            "      -> observation, reward, true_reward (when asked), terminated,",
            "         truncated, events",
            "  {\"op\":\"close\"}",
            "",
            "Python client: clients/python/innerlab_env.py.",
            "Exit codes: 0 when the session ends; 1 other."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ServeProtocol.serve(new BufferedInputStream(System.in), response -> {
            out.println(response);
            out.flush();
        });
        return 0;
    }
}
