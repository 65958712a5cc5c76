using TajKazBot.Core.Answering;

namespace TajKazBot.Hosting;

/// <summary>Checks the [Range] attributes of <see cref="DeclineOptions"/> at start (source-generated).</summary>
[OptionsValidator]
public sealed partial class DeclineOptionsValidator : IValidateOptions<DeclineOptions>;
