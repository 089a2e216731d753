package io.claimbench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimbench.cluster.ExclusiveTransactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eval sets as loaded from files, indexed in the database. Loading validates everything; indexing keeps every
 * prompt version ever run, marking the versions in the files as current. Instances that start together on one database
 * index one after the other ({@link ExclusiveTransactions.Lock#CATALOG_INDEX}): each finds what the one before wrote.
 */
@ApplicationScoped
public class CatalogService {

    private final CatalogConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExclusiveTransactions exclusive;
    private volatile Map<String, EvalSet> sets;
    private volatile List<Path> included = List.of();
    private volatile Path includedPrompts;

    public CatalogService(CatalogConfig config, Clock clock, ObjectMapper json, ExclusiveTransactions exclusive) {
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.exclusive = exclusive;
    }

    public EvalSetLoader loader() {
        List<Path> extras = new java.util.ArrayList<>();
        config.extraEvalSets().orElse(List.of()).forEach(e -> extras.add(Path.of(e)));
        extras.addAll(included);
        return new EvalSetLoader(evalSetsDir(), extras, promptRoots());
    }

    /** The shipped eval sets, or the configured folder that replaces them. */
    public Path evalSetsDir() {
        return config.evalSetsDir().map(Path::of).orElseGet(() -> Bundle.root().resolve("eval-sets"));
    }

    /** Where prompt files and judge templates are read: the user's own folder first, then the shipped one. */
    public PromptRoots promptRoots() {
        Path shipped = config.promptsDir().map(Path::of).orElseGet(() -> Bundle.root().resolve("prompts"));
        Path own = includedPrompts != null ? includedPrompts : config.extraPromptsDir().map(Path::of).orElse(null);
        return new PromptRoots(own == null ? List.of(shipped) : List.of(own, shipped));
    }

    /** The prompts folder that holds judge template {@code name}. */
    public Path promptsDir(String template) {
        return promptRoots().dirOfTemplate(template);
    }

    /**
     * Adds the user's own eval sets (folders or files) and prompts folder (may be null) to the catalog, and reloads
     * it: a bad file fails with every problem and leaves the catalog as it was.
     */
    public synchronized List<EvalSet> include(List<Path> evalSets, Path promptsDir) {
        List<Path> before = included;
        Path beforePrompts = includedPrompts;
        included = List.copyOf(evalSets);
        includedPrompts = promptsDir;
        try {
            return reload();
        } catch (RuntimeException e) {
            included = before;
            includedPrompts = beforePrompts;
            throw e;
        }
    }

    /** Loads, validates and indexes the files; throws {@link CatalogException} with every problem. */
    public synchronized List<EvalSet> reload() {
        List<EvalSet> loaded = loader().loadAll();
        exclusive.run(ExclusiveTransactions.Lock.CATALOG_INDEX, () -> loaded.forEach(this::index));
        Map<String, EvalSet> byId = new java.util.LinkedHashMap<>();
        loaded.forEach(s -> byId.put(s.id(), s));
        sets = byId;
        return loaded;
    }

    public List<EvalSet> all() {
        return List.copyOf(loaded().values());
    }

    public Optional<EvalSet> find(String id) {
        return Optional.ofNullable(id == null ? null : loaded().get(id));
    }

    /** Whether the database knows the eval set: a catalog file's, or one made by an import. */
    public boolean isIndexed(String id) {
        return find(id).isPresent() || QuarkusTransaction.requiringNew().call(() -> EvalSetEntity.findById(id)) != null;
    }

    /** The database id of each current prompt version of a set, by prompt id. */
    public Map<String, Long> promptVersionIds(String evalSetId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The two columns, not the entities with their texts.
            Map<String, Long> ids = new HashMap<>();
            PromptVersionEntity.getEntityManager().createNamedQuery(PromptVersionEntity.CURRENT_IDS, Object[].class)
                    .setParameter("set", evalSetId).getResultList().forEach(row -> ids.put((String) row[0], (Long) row[1]));
            return ids;
        });
    }

    private Map<String, EvalSet> loaded() {
        Map<String, EvalSet> s = sets;
        if (s == null) {
            reload();
            s = sets;
        }
        return s;
    }

    private void index(EvalSet set) {
        Instant now = Instant.now(clock);
        EvalSetEntity e = EvalSetEntity.findById(set.id());
        boolean fresh = e == null;
        if (fresh) {
            e = new EvalSetEntity();
            e.id = set.id();
        }
        e.title = set.title();
        e.file = set.file();
        e.scorer = set.scorer().label();
        e.contentHash = set.contentHash();
        e.definition = definition(set);
        e.indexedAt = now;
        if (fresh) {
            e.persist();
        }
        Map<String, PromptVersionEntity> existing = new HashMap<>();
        List<PromptVersionEntity> versions = PromptVersionEntity.list("evalSetId", set.id());
        versions.forEach(v -> existing.put(v.promptId + "\u0000" + v.contentHash, v));
        java.util.Set<String> current = new java.util.HashSet<>();
        for (PromptItem p : set.prompts()) {
            String key = p.id() + "\u0000" + p.hash();
            current.add(key);
            PromptVersionEntity v = existing.get(key);
            if (v == null) {
                v = new PromptVersionEntity();
                v.evalSetId = set.id();
                v.promptId = p.id();
                v.contentHash = p.hash();
                v.category = p.category();
                v.text = p.text();
                v.reference = p.reference();
                v.sourceId = p.sourceId();
                v.currentVersion = true;
                v.createdAt = now;
                v.persist();
            } else {
                v.category = p.category();
                v.currentVersion = true;
            }
        }
        versions.stream().filter(v -> !current.contains(v.promptId + "\u0000" + v.contentHash))
                .forEach(v -> v.currentVersion = false);
    }

    private String definition(EvalSet set) {
        ObjectNode node = json.valueToTree(set);
        node.remove("prompts");
        node.put("promptCount", set.prompts().size());
        return node.toString();
    }
}
