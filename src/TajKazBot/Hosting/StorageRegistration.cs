using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TajKazBot.Conversation;

namespace TajKazBot.Hosting;

/// <summary>The one place that decides where conversation state is stored.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddConversationStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationStorageSettings>().Bind(configuration.GetSection(ConversationStorageSettings.Section))
            .Validate(s => s.MaxConversations is >= 1 and <= 10_000_000, "ConversationStorage:MaxConversations must be between 1 and 10000000.")
            .Validate(s => s.IdleTimeToLive >= TimeSpan.FromMinutes(1) && s.IdleTimeToLive <= TimeSpan.FromDays(365), "ConversationStorage:IdleTimeToLive must be between 00:01:00 and 365.00:00:00.")
            .Validate(s => s.MaxConversationBytes is >= 1024 and <= 16 * 1024 * 1024, "ConversationStorage:MaxConversationBytes must be between 1024 and 16777216.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStorage>(sp => new BoundedMemoryStorage(
            sp.GetRequiredService<IOptions<ConversationStorageSettings>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BoundedMemoryStorage>>()));
        return services;
    }
}
