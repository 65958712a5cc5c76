using Microsoft.Extensions.Options;
using TajKazBot.Bots;
using TajKazBot.Feedback;
using TajKazBot.Rendering;

namespace TajKazBot.Hosting;

/// <summary>The bot's conversation services: commands and the feedback log, with validated settings.</summary>
public static class ConversationRegistration
{
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<FeedbackSettings>().Bind(configuration.GetSection(FeedbackSettings.Section))
            .Validate(s => !string.IsNullOrWhiteSpace(s.LogPath), "Feedback:LogPath must name a file.")
            .ValidateOnStart();
        services.AddSingleton<Commands>();
        services.AddSingleton<SuggestedQuestions>();
        services.AddSingleton(sp => new FeedbackLog(
            ServiceRegistration.Resolve(contentRoot, sp.GetRequiredService<IOptions<FeedbackSettings>>().Value.LogPath),
            sp.GetRequiredService<ILogger<FeedbackLog>>()));
        return services;
    }
}
