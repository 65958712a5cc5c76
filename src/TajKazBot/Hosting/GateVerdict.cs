using Microsoft.Bot.Schema;

namespace TajKazBot.Hosting;

/// <summary>What <see cref="ActivityGate"/> decided about a request: go on with the buffered body, or answer with a status.</summary>
/// <param name="Activity">The parsed activity, when admitted.</param>
/// <param name="Body">The request body as read, when admitted, so the adapter can read it again.</param>
/// <param name="Status">The HTTP status to answer with, when refused.</param>
/// <param name="Reason">Why it was refused, for the response and the log; never the sender's text.</param>
public sealed record GateVerdict(Activity? Activity, byte[]? Body, int Status, string? Reason)
{
    public bool Admitted => Activity is not null;

    public static GateVerdict Admit(Activity activity, byte[] body) => new(activity, body, StatusCodes.Status200OK, null);

    public static GateVerdict Refuse(int status, string reason) => new(null, null, status, reason);
}
