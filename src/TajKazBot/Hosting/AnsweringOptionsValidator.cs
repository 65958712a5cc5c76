using TajKazBot.Core.Answering;

namespace TajKazBot.Hosting;

/// <summary>Checks the [Range] attributes of <see cref="AnsweringOptions"/> at start (source-generated).</summary>
[OptionsValidator]
public sealed partial class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>;
