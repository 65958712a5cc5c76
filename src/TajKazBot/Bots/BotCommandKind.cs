namespace TajKazBot.Bots;

public enum BotCommandKind
{
    Help,
    Topics,
    Topic,
    More,
    Source,
}
