using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TajKazBot.Hosting;

/// <summary>What an operator watches: OpenTelemetry metrics and traces, the Prometheus endpoint and readiness.</summary>
public static class OperationsRegistration
{
    /// <summary>Health checks with this tag decide <c>/readyz</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The standard variable that turns OTLP export on (with its siblings for headers and protocol).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        // Bound and checked at start, so "Telemetry:Prometheus=maybe" stops the start with a message naming the key.
        services.AddOptions<TelemetrySettings>().Bind(configuration.GetSection(TelemetrySettings.Section)).ValidateOnStart();
        services.AddSingleton<IndexHealthCheck>();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: [ReadyTag]);

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithMetrics(metrics =>
            {
                // The exporter only collects when scraped, so it costs nothing while /metrics is not mapped
                // (Telemetry:Prometheus off). No cached scrape: a counter read right after a question includes it.
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// Called once the index is built: marks it loaded and maps <c>/readyz</c> (index loaded, storage
    /// reachable) and, when <c>Telemetry:Prometheus</c> is on, <c>/metrics</c>.
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        if (app.Services.GetRequiredService<IOptions<TelemetrySettings>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint();
        }
        return app;
    }

    /// <summary>Says which check failed and why, without exception details (they can name hosts and ports).</summary>
    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
