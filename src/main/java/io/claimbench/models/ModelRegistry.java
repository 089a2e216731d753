package io.claimbench.models;

import io.claimbench.cluster.Instances;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All models: those in configuration, those defined over REST (persisted, they take precedence), and
 * {@code provider:model} shorthands. Builds one client per model spec and keeps the per-model limits.
 */
@ApplicationScoped
public class ModelRegistry {

    private final ModelsConfig config;
    private final Clock clock;
    private final KeySeal seal;
    private final Instances instances;
    private final VertxWire wire;
    private final RecordingImporter importer = new RecordingImporter();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ModelRegistry.class);

    private final Map<ModelSpec, ChatEndpoint> endpoints = new ConcurrentHashMap<>();
    private final Map<String, EndpointLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    /** Models a check spec defined for this process only; never persisted. */
    private final Map<String, ModelSpec> defined = new ConcurrentHashMap<>();

    public ModelRegistry(ModelsConfig config, Clock clock, KeySeal seal, Instances instances, Vertx vertx) {
        this.instances = instances;
        this.wire = new VertxWire(vertx);
        this.config = config;
        this.clock = clock;
        this.seal = seal;
    }

    /** Keys stored by a version that did not seal them are sealed at start-up. */
    void sealPlainKeys(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> ModelEntity.<ModelEntity>list("apiKey is not null").stream()
                .filter(e -> !KeySeal.isSealed(e.apiKey))
                .forEach(e -> e.apiKey = seal.seal(e.apiKey, e.name)));
    }

    /**
     * The configured live models' clients are built in the background at start-up, so that a first run does not
     * wait for them (on a cold JVM, the first client's classes and TLS set-up take a few hundred ms). A model that
     * cannot be built now fails at its first call, as it would without this.
     */
    void prepareEndpoints(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        Thread.ofVirtual().name("claimbench-prepare-endpoints").start(() -> {
            ModelSpec rehearse = null;
            for (Map.Entry<String, ModelsConfig.Model> m : config.all().entrySet()) {
                try {
                    ModelSpec spec = fromConfig(m.getKey(), m.getValue());
                    if (spec.provider() != Provider.RECORDED) {
                        endpoint(spec);
                    }
                    if (rehearse == null && spec.provider() == Provider.OPENAI && !spec.stream()) {
                        rehearse = spec;
                    }
                } catch (RuntimeException e) {
                    LOG.debugf("model %s not prepared at start-up: %s", m.getKey(), e.getClass().getSimpleName());
                }
            }
            // and, for OpenAI-compatible ones, what a first call builds (see ClientRehearsal), in memory
            if (rehearse != null) {
                try {
                    ClientRehearsal.openAi(rehearse);
                } catch (RuntimeException e) {
                    LOG.debugf("no rehearsal of an OpenAI call at start-up: %s", e.getClass().getSimpleName());
                }
            }
        });
    }

    /** Every configured model is checked at start-up: a bad entry names its property. */
    public List<String> configProblems() {
        List<String> problems = new ArrayList<>();
        config.all().forEach((name, m) -> {
            try {
                fromConfig(name, m);
            } catch (IllegalArgumentException e) {
                problems.add("claimbench.models." + name + ": " + e.getMessage());
            }
        });
        return problems;
    }

    public List<ModelSpec> list() {
        Map<String, ModelSpec> all = new java.util.TreeMap<>();
        config.all().forEach((name, m) -> all.put(name, fromConfig(name, m)));
        QuarkusTransaction.requiringNew().run(() ->
                ModelEntity.<ModelEntity>listAll().forEach(e -> all.put(e.name, fromEntity(e))));
        all.putAll(defined);
        return all.values().stream().sorted(Comparator.comparing(ModelSpec::name)).toList();
    }

    public Optional<ModelSpec> find(String name) {
        ModelSpec own = name == null ? null : defined.get(name);
        if (own != null) {
            return Optional.of(own);
        }
        ModelEntity e = QuarkusTransaction.requiringNew().call(() -> ModelEntity.findById(name));
        if (e != null) {
            return Optional.of(fromEntity(e));
        }
        ModelsConfig.Model m = config.all().get(name);
        return m == null ? Optional.empty() : Optional.of(fromConfig(name, m));
    }

    /**
     * A configured name, or a shorthand: {@code openai:gpt-4o} (key from OPENAI_API_KEY, base URL from
     * OPENAI_BASE_URL when set), {@code anthropic:<model>}, {@code ollama:<model>}, {@code recorded:<file>[#model]}.
     */
    public ModelSpec resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new UnknownModelException("no model named");
        }
        Optional<ModelSpec> named = find(reference);
        if (named.isPresent()) {
            return named.get();
        }
        int colon = reference.indexOf(':');
        if (colon > 0) {
            String providerId = reference.substring(0, colon);
            String rest = reference.substring(colon + 1);
            Provider provider = Provider.parse(providerId).orElseThrow(() -> new UnknownModelException(
                    "unknown provider '" + providerId + "' in '" + reference + "' (expected openai, anthropic, ollama, gemini or recorded)"));
            if (rest.isBlank()) {
                throw new UnknownModelException("'" + reference + "' names no model after the provider");
            }
            try {
                return switch (provider) {
                    case RECORDED -> {
                        recording(rest);
                        yield new ModelSpec(reference, provider, null, null, null, null, null, null, null,
                                ModelSpec.DEFAULT_MAX_CONCURRENCY, null, null, null, rest, false, "shorthand");
                    }
                    case OPENAI -> shorthand(reference, provider, rest, "OPENAI_API_KEY", defaultBaseUrl(Provider.OPENAI));
                    case ANTHROPIC -> shorthand(reference, provider, rest, "ANTHROPIC_API_KEY", defaultBaseUrl(Provider.ANTHROPIC));
                    case OLLAMA -> shorthand(reference, provider, rest, null, defaultBaseUrl(Provider.OLLAMA));
                    case GEMINI -> shorthand(reference, provider, rest, "GEMINI_API_KEY", defaultBaseUrl(Provider.GEMINI));
                };
            } catch (IllegalArgumentException e) {
                throw new UnknownModelException(e.getMessage());
            }
        }
        throw new UnknownModelException("unknown model '" + reference
                + "': not configured, and not a provider:model shorthand such as openai:gpt-4o");
    }

    private static ModelSpec shorthand(String ref, Provider p, String model, String keyEnv, String baseUrl) {
        return new ModelSpec(ref, p, baseUrl, model, null, keyEnv, null, null, null,
                ModelSpec.DEFAULT_MAX_CONCURRENCY, null, null, null, null, false, "shorthand");
    }

    public ChatEndpoint endpoint(ModelSpec spec) {
        return endpoints.computeIfAbsent(spec, s -> s.provider() == Provider.RECORDED
                ? new RecordedEndpoint(s.name(), recording(s.recording()))
                : new LangChain4jEndpoint(s, clock, wire));
    }

    /**
     * One limiter per model name, whatever spec a run holds: its limits follow the latest definition. The limits are
     * for all instances together: this one takes its share of each, by the number of instances alive.
     */
    public EndpointLimiter limiter(ModelSpec spec) {
        int concurrency = instances.share(spec.maxConcurrency());
        Integer rpm = instances.share(spec.requestsPerMinute());
        EndpointLimiter limiter = limiters.computeIfAbsent(spec.name(), name -> new EndpointLimiter(concurrency, rpm, clock));
        limiter.setLimits(concurrency, rpm);
        return limiter;
    }

    /** Loads (once) and checks a recording file. */
    public Recording recording(String location) {
        return recordings.computeIfAbsent(location, importer::load);
    }

    /**
     * Defines a model for this process only (a check spec's), ahead of those in the database; its recording is
     * loaded and checked now.
     */
    public void define(ModelSpec spec) {
        if (spec.provider() == Provider.RECORDED) {
            recording(spec.recording());
        }
        defined.put(spec.name(), spec);
    }

    public ModelSpec put(ModelSpec spec) {
        if (spec.provider() == Provider.RECORDED) {
            recording(spec.recording());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ModelEntity e = ModelEntity.findById(spec.name());
            boolean fresh = e == null;
            if (fresh) {
                e = new ModelEntity();
                e.name = spec.name();
            }
            e.provider = spec.provider().id();
            e.baseUrl = spec.baseUrl();
            e.model = spec.model();
            e.apiKey = seal.seal(spec.apiKey(), spec.name());
            e.apiKeyEnv = spec.apiKeyEnv();
            e.temperature = spec.temperature();
            e.maxTokens = spec.maxTokens();
            e.timeoutMs = spec.timeout().toMillis();
            e.maxConcurrency = spec.maxConcurrency();
            e.requestsPerMinute = spec.requestsPerMinute();
            e.priceInputPerMillion = spec.priceInputPerMillion();
            e.priceOutputPerMillion = spec.priceOutputPerMillion();
            e.recording = spec.recording();
            e.stream = spec.stream();
            e.structuredOutput = spec.structuredOutput().label();
            e.updatedAt = Instant.now(clock);
            if (fresh) {
                e.persist();
            }
        });
        return find(spec.name()).orElseThrow();
    }

    /** Removes a model defined over REST; configured models stay. */
    public boolean delete(String name) {
        return QuarkusTransaction.requiringNew().call(() -> ModelEntity.deleteById(name));
    }

    public boolean isConfigured(String name) {
        return config.all().containsKey(name);
    }

    static ModelSpec fromConfig(String name, ModelsConfig.Model m) {
        Provider provider = Provider.parse(m.provider()).orElseThrow(() -> new IllegalArgumentException(
                "provider '" + m.provider() + "' is not one of openai, anthropic, ollama, gemini, recorded"));
        return new ModelSpec(name, provider, m.baseUrl().orElse(null), m.model().orElse(null),
                m.apiKey().orElse(null), m.apiKeyEnv().orElse(defaultKeyEnv(provider)), m.temperature().orElse(null),
                m.maxTokens().orElse(null), m.timeout(), m.maxConcurrency(), m.requestsPerMinute().orElse(null),
                m.priceInputPerMillion().orElse(null), m.priceOutputPerMillion().orElse(null),
                m.recording().orElse(null), m.stream(), "config", StructuredOutput.parse(m.structuredOutput())
                        .orElseThrow(() -> new IllegalArgumentException(StructuredOutput.invalid(m.structuredOutput()))));
    }

    private ModelSpec fromEntity(ModelEntity e) {
        Provider provider = Provider.parse(e.provider).orElseThrow();
        // The provider's key variable is assumed only for its own endpoint: never sent to a URL an API caller chose.
        String keyEnv = e.apiKeyEnv != null ? e.apiKeyEnv : e.baseUrl == null ? defaultKeyEnv(provider) : null;
        return new ModelSpec(e.name, provider, e.baseUrl, e.model, seal.unseal(e.apiKey, e.name), keyEnv, e.temperature, e.maxTokens,
                Duration.ofMillis(e.timeoutMs), e.maxConcurrency, e.requestsPerMinute, e.priceInputPerMillion,
                e.priceOutputPerMillion, e.recording, e.stream, "api",
                StructuredOutput.parse(e.structuredOutput).orElse(StructuredOutput.AUTO));
    }

    /**
     * A provider's base URL from its environment variable ({@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL},
     * {@code OLLAMA_BASE_URL}, {@code GEMINI_BASE_URL}) for models that name none; null when unset (the provider's own).
     */
    public static String defaultBaseUrl(Provider p) {
        String v = p == Provider.RECORDED ? null : System.getenv(p.name() + "_BASE_URL");
        return v == null || v.isBlank() ? null : v;
    }

    /** The environment variable a provider's key is read from unless a model names another. */
    public static String defaultKeyEnv(Provider p) {
        return switch (p) {
            case OPENAI -> "OPENAI_API_KEY";
            case ANTHROPIC -> "ANTHROPIC_API_KEY";
            case GEMINI -> "GEMINI_API_KEY";
            default -> null;
        };
    }
}
