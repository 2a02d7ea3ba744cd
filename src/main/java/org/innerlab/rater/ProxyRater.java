package org.innerlab.rater;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.Proxy;
import org.innerlab.env.StepResult;

/**
 * Rates a declared proxy goal of the environment ({@link Proxy}) and nothing else:
 *
 * <pre>
 *   E_t = events_1 | ... | events_t          (the OR of the episode's events so far)
 *   r_t = value   if proxy.achieved(E_t) and not proxy.achieved(E_{t−1})
 *   r_t = 0       otherwise
 * </pre>
 *
 * i.e. it pays {@code value} once, on the first step at which the episode has achieved the proxy
 * (e.g. CoinRun's {@code end_of_level}), however the episode goes on. A learner trained on it is
 * proxy-aligned by construction; the lab uses it as the reference point for how much of the
 * intended goal survives when a proxy is all that is paid for.
 */
public final class ProxyRater implements Rater {
    /** The rater's registry entry: its proxy is one the environment declares. */
    public static final RaterType TYPE = new RaterType(ComponentInfo.of("proxy",
            "pays `value` once, on the first step at which the episode achieves a declared proxy (param proxy)",
            List.of(ParamSpec.real("value", 1.0, -1e6, 1e6, "what achieving the proxy pays"))),
            s -> List.of(RaterType.choiceAmong("proxy", proxyNames(s), "the declared proxy rated")),
            List.of("proxy"),
            s -> s.proxies().isEmpty() ? s.id() + " declares no proxies" : null,
            (p, env, behaviour, rng) -> new ProxyRater(proxy(env.spec(), (String) p.get("proxy")), (Double) p.get("value")));

    private static List<String> proxyNames(EnvSpec s) {
        List<String> names = new ArrayList<>();
        s.proxies().forEach(p -> names.add(p.name()));
        return names;
    }

    private static Proxy proxy(EnvSpec spec, String name) {
        return spec.proxies().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private final Proxy proxy;
    private final LongPredicate achieved;
    private final double value;
    private long episodeEvents;
    private boolean paid;

    /**
     * @param proxy the proxy to rate
     * @param value what achieving it pays
     */
    public ProxyRater(Proxy proxy, double value) {
        this.proxy = proxy;
        this.achieved = proxy.achieved();
        this.value = value;
    }

    @Override
    public Rater measuring() {
        return new ProxyRater(proxy, value);
    }

    @Override
    public void startEpisode(Environment env) {
        episodeEvents = 0;
        paid = false;
    }

    @Override
    public double rate(Environment env, int action, StepResult step) {
        episodeEvents |= step.events;
        if (!paid && achieved.test(episodeEvents)) {
            paid = true;
            return value;
        }
        return 0;
    }
}
