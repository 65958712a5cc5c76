using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Bot.Builder;
using TajKazBot.Bots;
using TajKazBot.Commands;
using TajKazBot.Conversation;
using TajKazBot.Feedback;
using TajKazBot.Rendering;

namespace TajKazBot.Hosting;

/// <summary>The bot and its conversation services: state, commands, replies (streamed in Teams) and the feedback log, with validated settings.</summary>
public static class ConversationRegistration
{
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<FeedbackSettings>().Bind(configuration.GetSection(FeedbackSettings.Section))
            .Validate(s => !string.IsNullOrWhiteSpace(s.LogPath), "Feedback:LogPath must name a file.")
            .ValidateOnStart();
        services.AddTransient<IBot, QaBot>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<ReplySender>();
        services.AddOptions<StreamingSettings>().Bind(configuration.GetSection(StreamingSettings.Section))
            .Validate(s => s.UpdateInterval >= TimeSpan.Zero && s.UpdateInterval <= TimeSpan.FromSeconds(10), "Streaming:UpdateInterval must be between 00:00:00 and 00:00:10.")
            .Validate(s => !string.IsNullOrWhiteSpace(s.Informative) && s.Informative.Length <= 1000, "Streaming:Informative must be a short text (at most 1000 characters).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TeamsStreaming>();
        services.AddSingleton<SuggestedQuestions>();
        services.AddSingleton(sp => new FeedbackLog(
            ServiceRegistration.Resolve(contentRoot, sp.GetRequiredService<IOptions<FeedbackSettings>>().Value.LogPath),
            sp.GetRequiredService<ILogger<FeedbackLog>>()));
        return services;
    }
}
