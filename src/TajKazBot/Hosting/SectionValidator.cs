namespace TajKazBot.Hosting;

/// <summary>
/// A generated options validator whose failures name the setting as the user writes it ("Decline:MinCoverage"),
/// not as the code names it ("DeclineOptions.MinCoverage"): the generated [Range] check ignores custom messages.
/// </summary>
public sealed class SectionValidator<TOptions>(IValidateOptions<TOptions> inner, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures.Select(f => f.Replace($"{typeof(TOptions).Name}.", $"{section}:", StringComparison.Ordinal)))
            : result;
    }
}
