using TajKazBot.Core.Retrieval;

namespace TajKazBot.Hosting;

/// <summary>Checks the [Range] attributes of <see cref="RetrievalOptions"/> at start (source-generated).</summary>
[OptionsValidator]
public sealed partial class RetrievalOptionsValidator : IValidateOptions<RetrievalOptions>;
