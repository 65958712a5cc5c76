namespace TajKazBot.Commands;

public enum BotCommandKind
{
    Help,
    Topics,
    Topic,
    More,
    Source,
}
