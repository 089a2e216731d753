package io.claimbench.models;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A model defined at run time over REST. */
@Entity
@Table(name = "model_config")
public class ModelEntity extends PanacheEntityBase {
    @Id
    public String name;
    public String provider;
    @Column(name = "base_url")
    public String baseUrl;
    public String model;
    @Column(name = "api_key")
    public String apiKey;
    @Column(name = "api_key_env")
    public String apiKeyEnv;
    public Double temperature;
    @Column(name = "max_tokens")
    public Integer maxTokens;
    @Column(name = "timeout_ms")
    public long timeoutMs;
    @Column(name = "max_concurrency")
    public int maxConcurrency;
    @Column(name = "requests_per_minute")
    public Integer requestsPerMinute;
    @Column(name = "price_input_per_million")
    public Double priceInputPerMillion;
    @Column(name = "price_output_per_million")
    public Double priceOutputPerMillion;
    public String recording;
    public boolean stream;
    /** auto, json-schema or off; null (older rows): auto. */
    @Column(name = "structured_output")
    public String structuredOutput;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
