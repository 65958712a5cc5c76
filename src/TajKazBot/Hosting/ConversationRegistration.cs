using Microsoft.Extensions.Options;
using Microsoft.Bot.Builder;
using TajKazBot.Bots;
using TajKazBot.Commands;
using TajKazBot.Conversation;
using TajKazBot.Feedback;
using TajKazBot.Rendering;

namespace TajKazBot.Hosting;

/// <summary>The bot and its conversation services: state, commands, replies and the feedback log, with validated settings.</summary>
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
        services.AddSingleton<SuggestedQuestions>();
        services.AddSingleton(sp => new FeedbackLog(
            ServiceRegistration.Resolve(contentRoot, sp.GetRequiredService<IOptions<FeedbackSettings>>().Value.LogPath),
            sp.GetRequiredService<ILogger<FeedbackLog>>()));
        return services;
    }
}
