using Newtonsoft.Json.Serialization;

namespace TajKazBot.Conversation;

/// <summary>
/// State is stored with Newtonsoft's type names (as <c>MemoryStorage</c> does), so it reads back as the
/// bot's own records. Redis is outside the process, so a type name read from it is trusted only when it
/// (and every generic argument) is the bot's own (an assembly named TajKazBot or TajKazBot.*) or a
/// plain collection or primitive: a planted
/// <c>$type</c> must not make the deserializer build anything else.
/// </summary>
public sealed class StateTypesBinder : DefaultSerializationBinder
{
    public override Type BindToType(string? assemblyName, string typeName)
    {
        var type = base.BindToType(assemblyName, typeName);
        return IsAllowed(type) ? type : throw new Newtonsoft.Json.JsonSerializationException($"Type {typeName} is not allowed in conversation state.");
    }

    private static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            return (definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(Nullable<>)
                    || IsOwn(definition))
                && type.GetGenericArguments().All(IsAllowed);
        }
        return type.IsPrimitive || type == typeof(string) || type == typeof(object) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
            || IsOwn(type);
    }

    private static bool IsOwn(Type type) =>
        type.Assembly.GetName().Name is { } name && (name == "TajKazBot" || name.StartsWith("TajKazBot.", StringComparison.Ordinal));
}
