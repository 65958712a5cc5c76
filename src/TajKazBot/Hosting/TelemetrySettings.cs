namespace TajKazBot.Hosting;

/// <summary>Settings section <c>Telemetry</c>. OTLP export needs no setting: it follows the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    /// <summary>Serve metrics for Prometheus to scrape at <c>/metrics</c>. Off by default: the endpoint is unauthenticated.</summary>
    public bool Prometheus { get; set; }
}
