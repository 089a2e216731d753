package io.claimbench.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * prompt version ever run, marking the versions in the files as current.
 */
@ApplicationScoped
public class CatalogService {

    private final CatalogConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile Map<String, EvalSet> sets;

    public CatalogService(CatalogConfig config, Clock clock, ObjectMapper json) {
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    public EvalSetLoader loader() {
        return new EvalSetLoader(Path.of(config.evalSetsDir()), Path.of(config.promptsDir()));
    }

    public Path promptsDir() {
        return Path.of(config.promptsDir());
    }

    /** Loads, validates and indexes the files; throws {@link CatalogException} with every problem. */
    public synchronized List<EvalSet> reload() {
        List<EvalSet> loaded = loader().loadAll();
        QuarkusTransaction.requiringNew().run(() -> loaded.forEach(this::index));
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
            Map<String, Long> ids = new HashMap<>();
            PromptVersionEntity.<PromptVersionEntity>list("evalSetId = ?1 and currentVersion = true", evalSetId)
                    .forEach(p -> ids.put(p.promptId, p.id));
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
