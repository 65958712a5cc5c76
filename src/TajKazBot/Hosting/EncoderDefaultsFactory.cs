namespace TajKazBot.Hosting;

/// <summary>
/// Options whose defaults depend on the configured encoders (similarity thresholds are on the measuring encoder's
/// scale): created with those defaults, then bound to the settings and validated as any options are.
/// </summary>
public sealed class EncoderDefaultsFactory<TOptions>(
    Func<TOptions> defaults,
    IEnumerable<IConfigureOptions<TOptions>> setups,
    IEnumerable<IPostConfigureOptions<TOptions>> postConfigures,
    IEnumerable<IValidateOptions<TOptions>> validations)
    : OptionsFactory<TOptions>(setups, postConfigures, validations)
    where TOptions : class
{
    protected override TOptions CreateInstance(string name) => defaults();
}
