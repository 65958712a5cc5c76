using TajKazBot.Core.Answering;
using TajKazBot.Core.Corpus;
using TajKazBot.Core.Generation;
using TajKazBot.Core.Retrieval;

namespace TajKazBot.Hosting;

/// <summary>The settings of corpus, retrieval, answering and model, bound and validated at start.</summary>
public static class SettingsRegistration
{
    public static IServiceCollection AddQuestionAnsweringSettings(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<CorpusSettings>().Bind(configuration.GetSection(CorpusSettings.Section))
            .Validate(s => !string.IsNullOrWhiteSpace(s.Path), "Corpus:Path must name a folder of .txt, .md or .rst files.")
            .Validate(s => Directory.Exists(ServiceRegistration.Resolve(contentRoot, s.Path)), "Corpus:Path names a folder that does not exist.")
            .Validate(s => !Directory.Exists(ServiceRegistration.Resolve(contentRoot, s.Path)) || CorpusLoader.Files(ServiceRegistration.Resolve(contentRoot, s.Path)).Any(), "Corpus:Path names a folder with no .txt, .md or .rst file.")
            .Validate(s => s.MaxPassageChars is >= 200 and <= 20000, "Corpus:MaxPassageChars must be between 200 and 20000.")
            .Validate(s => s.MinPassageChars >= 0 && s.MinPassageChars <= s.MaxPassageChars, "Corpus:MinPassageChars must be between 0 and Corpus:MaxPassageChars.")
            .ValidateOnStart();
        // Ranges are [Range] attributes on the options, checked by source-generated validators; what spans
        // several keys or the disk is checked here.
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection("Retrieval")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetrievalOptions>>(new SectionValidator<RetrievalOptions>(new RetrievalOptionsValidator(), "Retrieval"));
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection("Answering"))
            .Validate(o => o.RetrieveCount >= o.TopPassages, "Answering:RetrieveCount must be at least Answering:TopPassages.")
            .Validate(o => File.Exists(ServiceRegistration.Resolve(contentRoot, o.SmallTalkPath)), "Answering:SmallTalkPath must name the small-talk file (prompts/smalltalk.json).")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnsweringOptions>>(new SectionValidator<AnsweringOptions>(new AnsweringOptionsValidator(), "Answering"));
        services.AddOptions<DeclineOptions>().Bind(configuration.GetSection(DeclineOptions.Section)).ValidateOnStart();
        // The similarity thresholds default to those of the encoder that measures.
        services.AddEncoderDefaults(() => RetrievalOptions.For(Encoders(configuration)));
        services.AddEncoderDefaults(() => DeclineOptions.For(Encoders(configuration)));
        services.AddSingleton<IValidateOptions<DeclineOptions>>(new SectionValidator<DeclineOptions>(new DeclineOptionsValidator(), DeclineOptions.Section));
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelOptions>>(new ModelOptionsValidator(contentRoot));
        return services;
    }

    /// <summary>The configured encoders, read before the rest of the options so that their defaults can follow them.</summary>
    private static SemanticEncoders Encoders(IConfiguration configuration) =>
        configuration.GetValue("Retrieval:Encoders", RetrievalOptions.DefaultEncoders);

    private static void AddEncoderDefaults<TOptions>(this IServiceCollection services, Func<TOptions> defaults) where TOptions : class =>
        services.AddTransient<IOptionsFactory<TOptions>>(sp => new EncoderDefaultsFactory<TOptions>(defaults,
            sp.GetServices<IConfigureOptions<TOptions>>(), sp.GetServices<IPostConfigureOptions<TOptions>>(), sp.GetServices<IValidateOptions<TOptions>>()));
}
