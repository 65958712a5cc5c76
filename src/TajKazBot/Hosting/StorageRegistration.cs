using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;
using TajKazBot.Conversation;
using TajKazBot.Feedback;

namespace TajKazBot.Hosting;

/// <summary>The one place that decides where conversation state and feedback live (<c>Storage:Kind</c>).</summary>
public static class StorageRegistration
{
    /// <summary>
    /// Defaults put before the operator's connection string, so that any of them the string sets wins.
    /// Short timeouts and no abort on a failed connect: with Redis down a turn fails within seconds (and
    /// the user gets the apology) instead of hanging, and the bot starts anyway and reconnects on its own.
    /// </summary>
    public const string RedisDefaults = "abortConnect=false,connectTimeout=2000,syncTimeout=2000,asyncTimeout=2000";

    public static IServiceCollection AddConversationStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageSettings>().Bind(configuration.GetSection(StorageSettings.Section))
            .Validate(s => s.Kind != StorageKind.Redis || !string.IsNullOrWhiteSpace(s.Redis), "Storage:Redis must be a Redis connection string (host:port) when Storage:Kind is Redis.")
            .Validate(s => s.Kind != StorageKind.Redis || string.IsNullOrWhiteSpace(s.Redis) || Parses(s.Redis), "Storage:Redis is not a valid Redis connection string.")
            .Validate(s => s.TimeToLiveHours is >= 1 and <= 8760, "Storage:TimeToLiveHours must be between 1 and 8760.")
            .ValidateOnStart();
        services.AddOptions<ConversationStorageSettings>().Bind(configuration.GetSection(ConversationStorageSettings.Section))
            .Validate(s => s.MaxConversations is >= 1 and <= 10_000_000, "ConversationStorage:MaxConversations must be between 1 and 10000000.")
            .Validate(s => s.IdleTimeToLive >= TimeSpan.FromMinutes(1) && s.IdleTimeToLive <= TimeSpan.FromDays(365), "ConversationStorage:IdleTimeToLive must be between 00:01:00 and 365.00:00:00.")
            .Validate(s => s.MaxConversationBytes is >= 1024 and <= 16 * 1024 * 1024, "ConversationStorage:MaxConversationBytes must be between 1024 and 16777216.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IConfiguration>()["MicrosoftAppId"] is { Length: > 0 } appId ? appId : RedisKeys.LocalBotId));
        services.AddSingleton<IConnectionMultiplexer>(sp => Connect(
            sp.GetRequiredService<IOptions<StorageSettings>>().Value.Redis, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageRegistration))));
        services.AddSingleton<IStorage>(sp => Settings(sp).Kind == StorageKind.Redis
            ? new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), TimeSpan.FromHours(Settings(sp).TimeToLiveHours))
            : new BoundedMemoryStorage(
                sp.GetRequiredService<IOptions<ConversationStorageSettings>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<BoundedMemoryStorage>>()));
        services.AddSingleton<IFeedbackStore>(sp => Settings(sp).Kind == StorageKind.Redis
            ? ActivatorUtilities.CreateInstance<RedisFeedbackStream>(sp)
            : sp.GetRequiredService<FeedbackLog>());
        services.AddHealthChecks().Add(new HealthCheckRegistration("storage",
            sp => new StorageHealthCheck(Settings(sp).Kind == StorageKind.Redis ? sp.GetRequiredService<IConnectionMultiplexer>() : null),
            HealthStatus.Unhealthy, [OperationsRegistration.ReadyTag]));
        return services;
    }

    private static StorageSettings Settings(IServiceProvider services) => services.GetRequiredService<IOptions<StorageSettings>>().Value;

    private static bool Parses(string connection)
    {
        try
        {
            ConfigurationOptions.Parse(connection);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ConnectionMultiplexer Connect(string connection, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(RedisDefaults + "," + connection);
        // Fail a command at once while disconnected rather than queue it until a timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        var redis = ConnectionMultiplexer.Connect(options);
        redis.ConnectionFailed += (_, e) => logger.LogWarning("Redis connection to {Endpoint} failed: {FailureType}", e.EndPoint, e.FailureType);
        redis.ConnectionRestored += (_, e) => logger.LogInformation("Redis connection to {Endpoint} restored", e.EndPoint);
        return redis;
    }
}
